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

[Files]
Source: "..\..\build\packaging\dist\drafting-app\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\Drafting App"; Filename: "{app}\drafting-app.exe"
Name: "{userdesktop}\Drafting App"; Filename: "{app}\drafting-app.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Run]
Filename: "{app}\drafting-app.exe"; Description: "Start Drafting App"; Flags: nowait postinstall skipifsilent
