; Included by electron-builder's NSIS installer (its default nsis.include).
; Puts resources\cli (nianbao.cmd) on the installing user's PATH, and takes it
; off again on uninstall: per user, in HKCU, so no admin rights are needed.
!include WinMessages.nsh

!macro nianbaoUserPath ACTION
  nsExec::ExecToLog '"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\cli\user-path.ps1" ${ACTION} "$INSTDIR\resources\cli"'
  Pop $0
  ; Consoles opened from now on see the new PATH; open ones keep theirs.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customInstall
  !insertmacro nianbaoUserPath add
!macroend

; Runs before the uninstaller deletes $INSTDIR, while user-path.ps1 is still there.
!macro customUnInstall
  !insertmacro nianbaoUserPath remove
!macroend
