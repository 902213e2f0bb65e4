; Inno Setup script: a per-user install of the one-folder bundle (no administrator rights),
; a Start menu entry, an optional desktop shortcut and an uninstaller that keeps the person's
; events. Built by packaging/build.py on Windows:
;   ISCC /DAppVersion=0.1.0 /DBundleDir=dist\organiser /Odist packaging\windows\organiser.iss

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\organiser"
#endif

[Setup]
AppId={{6F1C1A8E-3B5D-4E1B-9C7A-0D2F4B8E5A11}
AppName=Organiser
AppVersion={#AppVersion}
AppVerName=Organiser {#AppVersion}
AppPublisher=Organiser
AppComments=Plan, run and report small co-produced community events
DefaultDirName={localappdata}\Programs\Organiser
DefaultGroupName=Organiser
DisableProgramGroupPage=yes
; Per user: no administrator rights, no UAC prompt, and no all-users choice to get wrong.
PrivilegesRequired=lowest
OutputBaseFilename=Organiser-{#AppVersion}-setup
SetupIconFile=..\..\resources\organiser.ico
UninstallDisplayIcon={app}\organiser.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Code signing: once a certificate is held, set SignTool here (see bundles.yml).

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Organiser"; Filename: "{app}\organiser.exe"
Name: "{autodesktop}\Organiser"; Filename: "{app}\organiser.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\organiser.exe"; Description: "{cm:LaunchProgram,Organiser}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder only. Events and backups stay in
; %LOCALAPPDATA%\Organiser and settings in the registry (HKCU\Software\Organiser), so
; reinstalling finds them again.
