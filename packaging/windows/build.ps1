# Windows build: clean venv → PyInstaller onedir bundle → smoke test → Inno Setup installer.
# Run from the repository root in PowerShell:  powershell -File packaging\windows\build.ps1
$ErrorActionPreference = "Stop"
$Root = (Resolve-Path "$PSScriptRoot\..\..").Path
$Out = "$Root\build\packaging"
if (Test-Path $Out) { Remove-Item -Recurse -Force $Out }
py -3 -m venv "$Out\venv"
& "$Out\venv\Scripts\pip" install -q $Root "pyinstaller>=6.10"
& "$Out\venv\Scripts\pyinstaller" --noconfirm --clean --distpath "$Out\dist" --workpath "$Out\work" "$Root\packaging\drafting-app.spec"
$env:QT_QPA_PLATFORM = "offscreen"
$env:DRAFTING_APP_HOME = "$Out\smoke-home"
& "$Out\dist\drafting-app\drafting-app.exe" --self-test "$Out\self-test.docx"
if ($LASTEXITCODE -ne 0) { throw "smoke test failed" }
Remove-Item Env:QT_QPA_PLATFORM
iscc "$Root\packaging\windows\drafting-app.iss"
