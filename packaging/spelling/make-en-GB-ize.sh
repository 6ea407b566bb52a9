#!/bin/sh
# Builds resources/spelling/en_GB-ize.{dic,aff}: British English with Oxford -ize spelling
# (organization, recognize, programme, judgement), the spelling of the UN Editorial Manual.
#
# Word list: SCOWL size 60, en_GB-ize variant, as Debian's aspell-en ships it
#   (en-common + en_GB-ize-wo_accents-only; SCOWL 2020.12.07).
# Affix rules: SCOWL's own Hunspell affix file for British English, from the npm package
#   dictionary-en-gb 3.0.0 (wooorm/dictionaries, generated from SCOWL 2020.12.07).
# The list is compressed into Hunspell stems + flags with hunspell-tools' munch; `unmunch`
# gives the word list back exactly (checked below). Dev-time tools only: the app reads the
# two files with spylls (pure Python), nothing of this is needed to run it. The affix file
# is SCOWL's less its ICONV lines (typographic apostrophe → '), which the app applies itself.
#
# Needs: apt-get install aspell hunspell-tools; npm.   Run from the repository root.
set -eu
OUT=resources/spelling
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
apt-get download aspell-en >/dev/null
dpkg -x aspell-en_*.deb x
npm pack dictionary-en-gb@3.0.0 >/dev/null 2>&1
tar xzf dictionary-en-gb-3.0.0.tgz
for part in en-common en_GB-ize-wo_accents-only; do
  zcat "x/usr/share/aspell/$part.cwl.gz" | prezip-bin -d
done | sort -u > words.txt
(wc -l < words.txt; cat words.txt) > words.counted
munch words.counted package/index.aff > stems.dic 2>/dev/null
unmunch stems.dic package/index.aff 2>/dev/null | sort -u > back.txt
cmp -s back.txt words.txt || { echo "munch did not keep the word list" >&2; exit 1; }
# the ordinal-number entries of SCOWL's dictionary (1st, 22nd: COMPOUNDRULE)
grep -E '^[0-9]' package/index.dic > numbers.dic
cd - >/dev/null
{ sed 1d "$WORK/stems.dic" | LC_ALL=C sort; cat "$WORK/numbers.dic"; } > "$WORK/all.dic"
{ wc -l < "$WORK/all.dic" | tr -d ' '; cat "$WORK/all.dic"; } > "$OUT/en_GB-ize.dic"
# ICONV (’ → ') is done by the app before a lookup: spylls applies it slowly to every word
grep -v '^ICONV' "$WORK/package/index.aff" > "$OUT/en_GB-ize.aff"
cp "$WORK/x/usr/share/doc/aspell-en/copyright" "$OUT/LICENSE-SCOWL.txt"
echo "$(sed -n 1p "$OUT/en_GB-ize.dic") stems written to $OUT/en_GB-ize.dic"
