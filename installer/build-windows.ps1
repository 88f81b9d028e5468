# Build the Windows bundle and setup, on Windows, from the checkout:
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Needs python.org's Python 3.11+ (the py launcher) and Inno Setup 6 (iscc.exe on PATH or in
# its default folder). Output: installer\out\dist\smedesk\ and installer\out\smedesk-<v>-setup.exe
$ErrorActionPreference = "Stop"
$root = Split-Path -Parent $PSScriptRoot
$out = Join-Path $PSScriptRoot "out"
$venv = Join-Path $out "build-venv"
if (-not (Test-Path "$venv\Scripts\python.exe")) { py -3 -m venv $venv }
& "$venv\Scripts\python" -m pip install --quiet "pyinstaller>=6.10,<7"
& "$venv\Scripts\python" -m pip install --quiet --force-reinstall --no-deps $root
& "$venv\Scripts\python" -m pip install --quiet $root
& "$venv\Scripts\pyinstaller" --noconfirm --distpath "$out\dist" --workpath "$out\work" "$PSScriptRoot\smedesk.spec"
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
# The bundle, not the source tree: version, a demo document, its PDF.
$version = (& "$out\dist\smedesk\smedesk-cli.exe" --version).Split(" ")[1]
& "$out\dist\smedesk\smedesk-cli.exe" demo "$out\demo"
& "$out\dist\smedesk\smedesk-cli.exe" export pdf "$out\demo\application-miit-2017-shenyang-info.json" -o "$out\demo.pdf"
if ($LASTEXITCODE -ne 0) { throw "the bundle could not export a PDF" }
$iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" "$PSScriptRoot\smedesk.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
