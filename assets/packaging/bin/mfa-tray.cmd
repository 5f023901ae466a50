@echo off
rem `mfa-tray` for the installed app on Windows (cmd and PowerShell; Git's sh runs the `mfa-tray` beside it):
rem the app's own binary runs the bundled CLI as plain Node, with stdin, output and the exit code kept.
rem ELECTRON_RUN_AS_NODE needs the RunAsNode fuse on: the trade-off is in docs/architecture.md.
setlocal
set ELECTRON_RUN_AS_NODE=1
"%~dp0..\..\MFA Tray.exe" "%~dp0..\cli\mfa-tray.cjs" %*
endlocal & exit /b %ERRORLEVEL%
