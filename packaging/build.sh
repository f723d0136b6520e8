#!/usr/bin/env bash
# Build the one-folder Dushu bundle: dist/dushu/ (dushu, dushu-gui, _internal/).
#
#     packaging/build.sh            then   packaging/smoke_test.py dist/dushu
#
# A fresh venv in build/venv gets a real (non-editable) install of Dushu and PyInstaller, so the
# bundle holds exactly what `pip install .` brings and nothing from a developer's environment.
# On Linux, build on the oldest distribution you want to support (glibc is not bundled).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
started=$(date +%s)
# build/lib is setuptools' staging folder: stale files there would end up in the install.
rm -rf build/venv build/pyinstaller build/lib build/bdist.* dist/dushu
"$PYTHON" -m venv build/venv
build/venv/bin/pip install -q --upgrade pip
build/venv/bin/pip install -q . "pyinstaller>=6.22,<7"
build/venv/bin/pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/dushu.spec
# What the desktop needs (entries, icons, file type, metainfo, the script that installs them) and
# the licences of everything inside.
mkdir -p dist/dushu/share/icons
cp packaging/install-desktop.sh packaging/io.github.dushu.Dushu*.desktop \
    packaging/io.github.dushu.Dushu.metainfo.xml packaging/io.github.dushu.Dushu.mime.xml dist/dushu/share/
cp -r packaging/icons/hicolor dist/dushu/share/icons/
build/venv/bin/python packaging/collect_licenses.py dist/dushu/share/licenses
finished=$(date +%s)
echo "built dist/dushu in $((finished - started)) s; size $(du -sh dist/dushu | cut -f1)"
