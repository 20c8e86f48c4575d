@echo off
rem The installed app's `nianbao` command; the installer puts this folder on the
rem user's PATH. The app's own binary runs the command line without a window
rem when it finds --nianbao-cli (see ARCHITECTURE.md). A batch file waits for
rem the binary and passes its exit code on, which a console does not do for a
rem windowed program started directly.
"%~dp0..\..\nianbao.exe" --nianbao-cli %*
exit /b %ERRORLEVEL%
