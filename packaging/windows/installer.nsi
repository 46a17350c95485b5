; Job Gate's Windows installer (NSIS 3, built on Linux with Debian's `makensis` by scripts/package.sh).
;
; What it does, for the person who double-clicks it (no administrator rights needed):
; - installs for the current user into %LOCALAPPDATA%\Programs\Job Gate (the folder can be changed);
; - asks English or Arabic (the system's language when it is one of them), the uninstaller speaks the same;
; - adds Job Gate to the Start menu and the desktop, and to "Open with" for PDF and DOCX files — it never
;   takes over the default program for those files;
; - installs Microsoft Edge WebView2 (which the window needs) only when it is missing: from the bootstrapper
;   built into the installer when there is one, otherwise downloaded from Microsoft (Windows 11 and an
;   up-to-date Windows 10 already have it);
; - the uninstaller removes exactly the files it installed; the person's CVs, history and profiles
;   (%APPDATA%\Job Gate) stay unless they tick "Also delete my data". A silent uninstall (/S) keeps them.
;
; Defines given by scripts/package.sh (makensis -D...):
;   VERSION      0.1.0                          OUTFILE  the installer to write
;   APP_EXE      the release jobgate-desktop.exe  LOADER   WebView2Loader.dll (the windows-gnu build loads it)
;   ICON         icons/icon.ico
;   CLI_EXE      (optional) the command line, installed as jobgate.exe beside the app (JOBGATE_INSTALL_CLI=1;
;                by default it ships as its own zip for career centres, see scripts/package.sh)
;   WEBVIEW2_SETUP  (optional) MicrosoftEdgeWebview2Setup.exe to embed, for machines without the internet
; Switches at install time: /S (silent), /D=DIR (folder, last on the command line), /NOWEBVIEW2 (skip the
; WebView2 check, for tests under Wine), and those the app's updater (tauri-plugin-updater) passes when it runs a
; newer installer: /P (passive: no questions, only the progress bar), /UPDATE (an update over an installed Job Gate:
; the folder and language it was installed with, the desktop shortcut only if the person kept it), /R (start Job
; Gate again afterwards, with the arguments after /ARGS). An update waits for the closing app to let go of its
; program file rather than failing on it.

; A 64-bit installer for a 64-bit app (Wine's 64-bit loader runs it in the tests without 32-bit Wine).
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 32
RequestExecutionLevel user

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

!define PRODUCT "Job Gate"
!define EXE "jobgate-desktop.exe"
!define PROGID "JobGate.CV"
!define REGKEY "Software\Job Gate"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Job Gate"
; The Evergreen WebView2 runtime's client id (Microsoft's documented registry check).
!define WEBVIEW2_ID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_URL "https://go.microsoft.com/fwlink/p/?LinkId=2124703"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
InstallDirRegKey HKCU "${REGKEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "CompanyName" "Job Gate"
VIAddVersionKey /LANG=0 "LegalCopyright" "Job Gate contributors, MIT licence"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
; The language chosen at install time is remembered for the uninstaller.
!define MUI_LANGDLL_REGISTRY_ROOT HKCU
!define MUI_LANGDLL_REGISTRY_KEY "${REGKEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_UNCOMPONENTSPAGE_NODESC

!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipWhenPassive
!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipWhenPassive
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipWhenPassive
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Arabic"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString AppSection ${LANG_ENGLISH} "Job Gate"
LangString AppSection ${LANG_ARABIC} "Job Gate"
LangString DataSection ${LANG_ENGLISH} "Also delete my data (CVs, history, profiles)"
LangString DataSection ${LANG_ARABIC} "احذف بياناتي أيضًا (السير الذاتية والسجل والملفات الشخصية)"
LangString FileType ${LANG_ENGLISH} "CV (Job Gate)"
LangString FileType ${LANG_ARABIC} "سيرة ذاتية (Job Gate)"
LangString OpenWith ${LANG_ENGLISH} "Open with Job Gate"
LangString OpenWith ${LANG_ARABIC} "افتح في Job Gate"
LangString WebView2Installing ${LANG_ENGLISH} "Installing Microsoft Edge WebView2, which Job Gate's window needs…"
LangString WebView2Installing ${LANG_ARABIC} "جارٍ تثبيت Microsoft Edge WebView2 الذي تحتاجه نافذة Job Gate…"
LangString WebView2Failed ${LANG_ENGLISH} "Job Gate needs Microsoft Edge WebView2, and it could not be installed now. Connect to the internet and run this installer again, or install WebView2 from Microsoft's website."
LangString WebView2Failed ${LANG_ARABIC} "يحتاج Job Gate إلى Microsoft Edge WebView2، وتعذّر تثبيته الآن. اتصل بالإنترنت وشغّل برنامج التثبيت هذا من جديد، أو ثبّت WebView2 من موقع Microsoft."

Var WebView2Version
Var Passive
Var Updating

Function .onInit
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/P" $1
  ${IfNot} ${Errors}
    StrCpy $Passive 1
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/UPDATE" $1
  ${IfNot} ${Errors}
    StrCpy $Updating 1
  ${EndIf}
  ; Passive and silent runs ask nothing: the language stored at the first install (or the system's) is used.
  ${If} $Passive != 1
  ${AndIfNot} ${Silent}
    !insertmacro MUI_LANGDLL_DISPLAY
  ${Else}
    ReadRegStr $1 HKCU "${REGKEY}" "InstallerLanguage"
    ${If} $1 != ""
      StrCpy $LANGUAGE $1
    ${EndIf}
  ${EndIf}
FunctionEnd

; The pages a passive run (an update from the app) skips.
Function SkipWhenPassive
  ${If} $Passive == 1
    Abort
  ${EndIf}
FunctionEnd

; An update starts while the app that ran it is closing: wait (up to 15 s) until its program file can go.
Function WaitForApp
  StrCpy $1 0
  ${DoWhile} ${FileExists} "$INSTDIR\${EXE}"
    ClearErrors
    Delete "$INSTDIR\${EXE}"
    ${IfNot} ${Errors}
    ${AndIfNot} ${FileExists} "$INSTDIR\${EXE}"
      ${ExitDo}
    ${EndIf}
    IntOp $1 $1 + 1
    ${If} $1 >= 75
      ${ExitDo}
    ${EndIf}
    Sleep 200
  ${Loop}
FunctionEnd

; /R: start Job Gate again after an update, with the arguments that follow /ARGS.
Function .onInstSuccess
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/R" $1
  ${If} ${Errors}
    Return
  ${EndIf}
  ClearErrors
  ${GetOptions} $0 "/ARGS" $1
  ${If} ${Errors}
    StrCpy $1 ""
  ${EndIf}
  Exec '"$INSTDIR\${EXE}" $1'
FunctionEnd

Function un.onInit
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; Sets $WebView2Version to the installed runtime's version, or "" when there is none.
Function FindWebView2
  StrCpy $WebView2Version ""
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${If} $0 == ""
    ReadRegStr $0 HKLM "SOFTWARE\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${EndIf}
  ${If} $0 == ""
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_ID}" "pv"
  ${EndIf}
  ${If} $0 != "0.0.0.0"
    StrCpy $WebView2Version $0
  ${EndIf}
FunctionEnd

Function InstallWebView2
  ${GetParameters} $0
  ClearErrors
  ${GetOptions} $0 "/NOWEBVIEW2" $1
  ${IfNot} ${Errors}
    Return
  ${EndIf}
  Call FindWebView2
  ${If} $WebView2Version != ""
    Return
  ${EndIf}
  DetailPrint "$(WebView2Installing)"
  SetDetailsPrint none
  !ifdef WEBVIEW2_SETUP
    File "/oname=$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" "${WEBVIEW2_SETUP}"
  !else
    ; No bootstrapper inside: fetch Microsoft's (about 2 MB) with the PowerShell every Windows 10/11 has.
    nsExec::Exec 'powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12; Invoke-WebRequest -UseBasicParsing -Uri ''${WEBVIEW2_URL}'' -OutFile ''$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe''"'
    Pop $0
  !endif
  SetDetailsPrint both
  ${If} ${FileExists} "$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe"
    ExecWait '"$PLUGINSDIR\MicrosoftEdgeWebview2Setup.exe" /silent /install' $0
  ${EndIf}
  Call FindWebView2
  ${If} $WebView2Version == ""
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(WebView2Failed)" /SD IDOK
  ${EndIf}
FunctionEnd

Section "!$(AppSection)" SecApp
  SectionIn RO
  InitPluginsDir
  SetOutPath "$INSTDIR"
  Call WaitForApp
  File "/oname=${EXE}" "${APP_EXE}"
  File "/oname=WebView2Loader.dll" "${LOADER}"
  !ifdef CLI_EXE
    File "/oname=jobgate.exe" "${CLI_EXE}"
  !endif
  WriteUninstaller "$INSTDIR\uninstall.exe"

  WriteRegStr HKCU "${REGKEY}" "InstallDir" "$INSTDIR"
  ; Apps & features.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" '"$INSTDIR\${EXE}"'
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Job Gate"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTKEY}" "EstimatedSize" $0

  ; "Open with Job Gate" for PDF and DOCX (per user; the default program stays whatever it was).
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "$(FileType)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" '"$INSTDIR\${EXE}",0'
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open" "" "$(OpenWith)"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr HKCU "Software\Classes\.pdf\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\.docx\OpenWithProgids" "${PROGID}" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${PRODUCT}"
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".pdf" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\SupportedTypes" ".docx" ""
  WriteRegStr HKCU "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  ; SHCNE_ASSOCCHANGED: Explorer rereads the associations.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  SetShellVarContext current
  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${EXE}"
  ; An update keeps the person's choice: a desktop shortcut they deleted is not put back.
  ${If} $Updating != 1
  ${OrIf} ${FileExists} "$DESKTOP\${PRODUCT}.lnk"
    CreateShortCut "$DESKTOP\${PRODUCT}.lnk" "$INSTDIR\${EXE}"
  ${EndIf}

  Call InstallWebView2
SectionEnd

Section "!un.$(AppSection)" UnSecApp
  SectionIn RO
  SetShellVarContext current
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  Delete "$DESKTOP\${PRODUCT}.lnk"
  ; Only what the installer put there: a folder the person chose is never emptied wholesale.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\jobgate.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  DeleteRegValue HKCU "Software\Classes\.pdf\OpenWithProgids" "${PROGID}"
  DeleteRegValue HKCU "Software\Classes\.docx\OpenWithProgids" "${PROGID}"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\Classes\Applications\${EXE}"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "${REGKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

; Unticked by default, and never run by a silent uninstall: the person's data stays unless they ask.
Section /o "un.$(DataSection)" UnSecData
  SetShellVarContext current
  ; Profiles, CVs, history, settings (the data folder the app and the CLI share) and the window's own cache.
  RMDir /r "$APPDATA\${PRODUCT}"
  RMDir /r "$LOCALAPPDATA\${PRODUCT}"
  RMDir /r "$LOCALAPPDATA\org.jobgate.desktop"
SectionEnd
