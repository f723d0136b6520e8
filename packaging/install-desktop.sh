#!/bin/sh
# Add Dushu to the desktop for the current user: application menu entry, icons, the quiz-set file
# type and the AppStream metainfo, all under ~/.local/share (nothing needs root).
#
#     dist/dushu/share/install-desktop.sh              the bundle this script sits in
#     packaging/install-desktop.sh [PROGRAM]           a pip install (default: `dushu` on PATH)
#     ... --uninstall                                  remove what it added
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="${XDG_DATA_HOME:-$HOME/.local/share}"
id=io.github.dushu.Dushu

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/$id.desktop" "$data/applications/$id.Quiz.desktop" \
        "$data/mime/packages/$id.xml" "$data/metainfo/$id.metainfo.xml"
    find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
    command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
    echo "Dushu removed from the desktop"
    exit 0
fi

if [ -n "${1:-}" ]; then
    [ -x "$1" ] || { echo "install-desktop: $1 is not a program" >&2; exit 2; }
    program=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    gui=$program
elif [ -x "$here/../dushu-gui" ]; then
    program=$(cd "$here/.." && pwd)/dushu
    gui=$(cd "$here/.." && pwd)/dushu-gui
else
    program=$(command -v dushu) || { echo "install-desktop: no dushu on PATH; give its path" >&2; exit 2; }
    gui=$program
fi

mkdir -p "$data/applications" "$data/mime/packages" "$data/metainfo"
# The entries say `dushu`; point them at this program (quoted: the path may hold spaces).
sed -e "s|^Exec=dushu gui |Exec=\"$gui\" |" -e "s|^TryExec=dushu$|TryExec=$gui|" \
    "$here/$id.desktop" > "$data/applications/$id.desktop"
sed -e "s|^Exec=dushu |Exec=\"$program\" |" -e "s|^TryExec=dushu$|TryExec=$program|" \
    "$here/$id.Quiz.desktop" > "$data/applications/$id.Quiz.desktop"
cp "$here/$id.mime.xml" "$data/mime/packages/$id.xml"
cp "$here/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
(cd "$here/icons" && find hicolor -name "$id.*" | while read -r icon; do
    mkdir -p "$data/icons/$(dirname "$icon")"
    cp "$icon" "$data/icons/$icon"
done)
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "Dushu added to the desktop ($gui)"
