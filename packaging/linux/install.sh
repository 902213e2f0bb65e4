#!/bin/sh
# Add Organiser to this user's applications menu (no administrator rights needed).
# Run it from the unpacked folder; move the folder first if you want it elsewhere.
# To remove the menu entry: sh install.sh --remove  (your events stay in your data folder).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/organiser.desktop" "$icons/organiser.png"
    echo "Organiser is no longer in the applications menu. Your events were not touched."
    exit 0
fi
mkdir -p "$apps" "$icons"
cp "$here/organiser.png" "$icons/organiser.png"
sed "s|^Exec=organiser$|Exec=\"$here/organiser\"|" "$here/organiser.desktop" > "$apps/organiser.desktop"
chmod 0644 "$apps/organiser.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "Organiser is in your applications menu. Start it from there, or run $here/organiser"
