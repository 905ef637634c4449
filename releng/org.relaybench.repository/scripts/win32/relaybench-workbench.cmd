@echo off
rem relaybench-workbench.cmd: starts the Relaybench workbench (Eclipse RCP) of this product folder, on Windows.
rem Java: the product's own runtime in jre\ when it has one, else JAVA_HOME, else javaw.exe on the PATH.
rem Environment: JAVA_HOME (a Java 17+ runtime), RELAYBENCH_VMARGS (extra JVM options),
rem RELAYBENCH_CONFIGURATION (an alternative, writable OSGi configuration area).
rem
rem Start-up: C1 only (-XX:TieredStopAtLevel=1), as on Linux: C2 would double the time to the window;
rem RELAYBENCH_VMARGS=-XX:TieredStopAtLevel=4 brings it back.
rem The workbench runs in javaw.exe, started on its own, so that no console window stays open while it
rem runs. So nothing waits for its exit code: after p2's "Restart Now" the workbench closes and is
rem started again from its shortcut (the Linux and macOS scripts restart it themselves).
setlocal
set "here=%~dp0"
if "%here:~-1%"=="\" set "here=%here:~0,-1%"
set "launcher="
rem the pattern unquoted, in the plugins folder: not every cmd expands a quoted one
if not exist "%here%\plugins\" goto nolauncher
pushd "%here%\plugins"
for %%f in (org.eclipse.equinox.launcher_*.jar) do set "launcher=%here%\plugins\%%f"
popd
if not defined launcher goto nolauncher

set "javaw=javaw.exe"
if defined JAVA_HOME set "javaw=%JAVA_HOME%\bin\javaw.exe"
if exist "%here%\jre\bin\javaw.exe" set "javaw=%here%\jre\bin\javaw.exe"
set "configuration=%here%\configuration"
if defined RELAYBENCH_CONFIGURATION set "configuration=%RELAYBENCH_CONFIGURATION%"

start "Relaybench" "%javaw%" -XX:TieredStopAtLevel=1 %RELAYBENCH_VMARGS% -jar "%launcher%" -install "%here%" -configuration "%configuration%" -product org.relaybench.ui.workbench -application org.relaybench.ui.application -nosplash %*
exit /b %ERRORLEVEL%

:nolauncher
echo relaybench-workbench: no Equinox launcher under %here%\plugins 1>&2
exit /b 3
