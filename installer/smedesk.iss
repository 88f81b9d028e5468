; Inno Setup script: a Windows setup for the bundle that installer/smedesk.spec builds.
; Needs Inno Setup 6.3+ (x64compatible). Per-user (no administrator rights: {autopf} is %LOCALAPPDATA%\Programs), a Start-menu
; entry, and .smedesk files opening in smedesk. Built on Windows by installer\build-windows.ps1,
; which passes the version read from smedesk/__init__.py:
;   iscc /DAppVersion=0.1.0 installer\smedesk.iss
; See installer/README.md.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z installer\smedesk.iss (build-windows.ps1 does)
#endif
#define BundleDir AddBackslash(SourcePath) + "out\dist\smedesk"

[Setup]
; AppId identifies the program across versions (upgrades, uninstall); never change it.
AppId={{6C1D3E7A-2B4F-4F6B-9C61-5D0B8A2E7F31}
AppName=smedesk
AppVersion={#AppVersion}
AppVerName=smedesk {#AppVersion}
AppPublisher=smedesk developers
DefaultDirName={autopf}\smedesk
DefaultGroupName=smedesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\smedesk.exe
OutputDir={#AddBackslash(SourcePath)}out
OutputBaseFilename=smedesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
; The Simplified Chinese messages are a translation kept outside Inno Setup
; (github.com/jrsoftware/issrc Files/Languages/Unofficial): used when installed beside the
; compiler, otherwise the setup speaks English. The program itself is Chinese either way.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\smedesk 示范平台申报助手"; Filename: "{app}\smedesk.exe"
Name: "{group}\{cm:UninstallProgram,smedesk}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\smedesk 示范平台申报助手"; Filename: "{app}\smedesk.exe"; Tasks: desktopicon

[Registry]
; .smedesk → smedesk.Document → "smedesk.exe" "%1". HKA is HKCU for a per-user install
; (HKLM when an administrator chose "all users"), so no administrator rights are needed.
Root: HKA; Subkey: "Software\Classes\.smedesk\OpenWithProgids"; ValueType: string; ValueName: "smedesk.Document"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.smedesk"; ValueType: string; ValueName: ""; ValueData: "smedesk.Document"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\smedesk.Document"; ValueType: string; ValueName: ""; ValueData: "smedesk 申报文档"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\smedesk.Document\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\smedesk.exe,0"
Root: HKA; Subkey: "Software\Classes\smedesk.Document\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\smedesk.exe"" ""%1"""

[Run]
Filename: "{app}\smedesk.exe"; Description: "{cm:LaunchProgram,smedesk}"; Flags: nowait postinstall skipifsilent
