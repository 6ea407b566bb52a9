#!/usr/bin/env bash
# macOS: build the .app with PyInstaller (packaging/build), then sign, notarize and wrap it in
# a .dmg. Signing and notarization need an Apple Developer ID; the commands are documented
# here so a release manager can run them:
#
#   export IDENTITY="Developer ID Application: <Org> (<TEAMID>)"
#   export NOTARY_PROFILE=<keychain profile made with: xcrun notarytool store-credentials>
#   packaging/macos/build-dmg.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/build/packaging"

# .icns from the PNG icon (iconutil ships with macOS)
ICONSET="$OUT/drafting-app.iconset"
mkdir -p "$ICONSET"
for s in 16 32 128 256; do
  sips -z $s $s "$ROOT/resources/icons/drafting-app.png" --out "$ICONSET/icon_${s}x${s}.png" >/dev/null
  sips -z $((s*2)) $((s*2)) "$ROOT/resources/icons/drafting-app.png" --out "$ICONSET/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns "$ICONSET" -o "$ROOT/resources/icons/drafting-app.icns"

"$ROOT/packaging/build"
APP="$OUT/dist/Drafting App.app"

if [ -n "${IDENTITY:-}" ]; then
  codesign --deep --force --options runtime --timestamp --sign "$IDENTITY" "$APP"
  codesign --verify --deep --strict "$APP"
fi
hdiutil create -volname "Drafting App" -srcfolder "$APP" -ov -format UDZO "$OUT/Drafting-App.dmg"
if [ -n "${IDENTITY:-}" ] && [ -n "${NOTARY_PROFILE:-}" ]; then
  codesign --sign "$IDENTITY" --timestamp "$OUT/Drafting-App.dmg"
  xcrun notarytool submit "$OUT/Drafting-App.dmg" --keychain-profile "$NOTARY_PROFILE" --wait
  xcrun stapler staple "$OUT/Drafting-App.dmg"
fi
echo "dmg: $OUT/Drafting-App.dmg"
