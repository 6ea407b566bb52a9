; Inno Setup script: per-user install (no admin rights) of the onedir bundle built by
; packaging\build.ps1. Compile with: iscc packaging\windows\drafting-app.iss
#define AppVersion GetEnv("DRAFTING_APP_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6B0E3E0C-6E2E-4C1C-9A7B-7D1F1E3A2B10}
AppName=Drafting App
AppVersion={#AppVersion}
AppPublisher=Drafting App
DefaultDirName={localappdata}\Programs\Drafting App
DefaultGroupName=Drafting App
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\..\build\packaging
OutputBaseFilename=drafting-app-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\drafting-app.ico
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible

ChangesAssociations=yes

[Files]
Source: "..\..\build\packaging\dist\drafting-app\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\Drafting App"; Filename: "{app}\drafting-app.exe"
Name: "{userdesktop}\Drafting App"; Filename: "{app}\drafting-app.exe"; Tasks: desktopicon

[Registry]
; Drafts (*.unres.json) open in Drafting App on a double-click and in "Open with". Per user
; (HKCU\Software\Classes): no admin rights; removed on uninstall.
Root: HKCU; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "DraftingApp.Draft"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\DraftingApp.Draft"; ValueType: string; ValueName: ""; ValueData: "UN draft resolution"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\DraftingApp.Draft\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\drafting-app.exe,0"
Root: HKCU; Subkey: "Software\Classes\DraftingApp.Draft\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\drafting-app.exe"" ""%1"""
; Windows matches on the last extension only (.json): the draft type is offered for every
; .json under "Open with", and is the default for none; Word files get "Open with" too.
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "DraftingApp.Draft"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\Applications\drafting-app.exe\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\drafting-app.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\drafting-app.exe"; Description: "Start Drafting App"; Flags: nowait postinstall skipifsilent
