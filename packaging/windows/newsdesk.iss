; Inno Setup script for the Windows installer of the one-folder bundle.
; Not built or tested here (no Windows machine): on Windows, after `make package`
; (or the same PyInstaller spec run by hand) has made dist\newsdesk\ and
; build\icons\newsdesk.ico:
;
;     iscc /DAppVersion=0.1.0 packaging\windows\newsdesk.iss
;
; It installs per user (no administrator rights), under %LOCALAPPDATA%\Programs,
; with a Start-menu entry whose AppUserModelID is the app id, so the taskbar groups
; the running window (which reports org.newsdesk.newsdesk) under it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppId "org.newsdesk.newsdesk"
#define Root "..\.."

[Setup]
AppId={#AppId}
AppName=newsdesk
AppVersion={#AppVersion}
AppPublisher=The newsdesk team
DefaultDirName={localappdata}\Programs\newsdesk
DefaultGroupName=newsdesk
PrivilegesRequired=lowest
DisableProgramGroupPage=yes
OutputDir={#Root}\dist
OutputBaseFilename=newsdesk-{#AppVersion}-setup
SetupIconFile={#Root}\build\icons\newsdesk.ico
UninstallDisplayIcon={app}\newsdesk.exe
Compression=lzma2/max
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
ArchitecturesAllowed=x64compatible

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "de"; MessagesFile: "compiler:Languages\German.isl"

[Files]
Source: "{#Root}\dist\newsdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\newsdesk"; Filename: "{app}\newsdesk.exe"; AppUserModelID: "{#AppId}"
Name: "{userdesktop}\newsdesk"; Filename: "{app}\newsdesk.exe"; AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\newsdesk.exe"; Description: "{cm:LaunchProgram,newsdesk}"; Flags: nowait postinstall skipifsilent
