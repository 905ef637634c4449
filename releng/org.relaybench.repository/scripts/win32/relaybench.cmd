@echo off
rem relaybench.cmd: the headless Relaybench product's launch script, for Windows. See "relaybench --help".
rem Java: the product's own runtime in jre\ when it has one, else JAVA_HOME, else java.exe on the PATH.
rem Environment: JAVA_HOME (a Java 17+ runtime), RELAYBENCH_VMARGS (extra JVM options, after the
rem script's own, so they win), RELAYBENCH_CONFIGURATION (an alternative, writable OSGi configuration area).
rem
rem Start-up: commands are short, so the JVM compiles with C1 only, except for "batch", which keeps the
rem JVM's defaults for long runs. The JDK's own class data sharing archive is used (-Xshare:auto); the
rem archive of the product's classes that the Linux and macOS script writes is not, as cmd cannot key
rem it by runtime and installation path.
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

set "java=java.exe"
if defined JAVA_HOME set "java=%JAVA_HOME%\bin\java.exe"
if exist "%here%\jre\bin\java.exe" set "java=%here%\jre\bin\java.exe"
set "configuration=%here%\configuration"
if defined RELAYBENCH_CONFIGURATION set "configuration=%RELAYBENCH_CONFIGURATION%"
set "short=-XX:TieredStopAtLevel=1"
if /i "%~1"=="batch" set "short="

"%java%" -Xshare:auto %short% %RELAYBENCH_VMARGS% -jar "%launcher%" -install "%here%" -configuration "%configuration%" -application org.relaybench.cli.app -nosplash %*
exit /b %ERRORLEVEL%

:nolauncher
echo relaybench: no Equinox launcher under %here%\plugins 1>&2
exit /b 3
