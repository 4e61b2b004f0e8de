#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The package as a user gets it: validates the desktop entry and the AppStream metadata, builds
# the .deb with CPack from this build, checks its files and dependencies, unpacks it into a
# throwaway root and runs the installed `tramontane --version` there.
#   check-package.sh <source-dir> <build-dir> <app-id> <version>
set -euo pipefail
source_dir=$1 build_dir=$2 app_id=$3 version=$4

fail() {
    echo "check-package: $*" >&2
    exit 1
}
need() {
    command -v "$1" >/dev/null 2>&1 || fail "$1 is missing (scripts/install-deps installs it)"
}
need desktop-file-validate
need appstreamcli
need cpack
need dpkg-deb

desktop=$source_dir/packaging/linux/$app_id.desktop
metainfo=$source_dir/packaging/linux/$app_id.metainfo.xml
desktop-file-validate "$desktop" || fail "the desktop entry is not valid"
# --no-net: the check stays on this machine; screenshots and URLs are not fetched.
appstreamcli validate --no-net "$metainfo" || fail "the AppStream metadata is not valid"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 \
    || { cat "$work/cpack.log" >&2; fail "cpack could not build the package"; }
deb=$(find "$work/out" -maxdepth 1 -name "tramontane_${version}_*.deb" | head -n 1)
[ -n "$deb" ] || fail "no tramontane_${version}_*.deb was built"

# Its files: the programs, the desktop entry, the metadata, the icons, the licence.
dpkg-deb -c "$deb" | awk '{print $NF}' | sed 's|^\./|/|' >"$work/files"
expected=(
    /usr/bin/tramontane
    /usr/bin/tramontane-emulator
    "/usr/share/applications/$app_id.desktop"
    "/usr/share/metainfo/$app_id.metainfo.xml"
    "/usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    /usr/share/doc/tramontane/copyright
)
for size in 16 22 24 32 48 64 128 256 512; do
    expected+=("/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for file in "${expected[@]}"; do
    grep -qxF "$file" "$work/files" || fail "the package lacks $file"
done
# Nothing from the build or the tests leaks into it.
if grep -E '/(tst_|soakchild|crashchild|tramontane-render-icons)|\.a$|/include/' "$work/files"; then
    fail "the package carries build or test files"
fi

# Its dependencies: the Qt libraries found by dpkg-shlibdeps, the keychain, the plugins, and
# Source-highlight (its package brings the language definitions code highlighting reads).
depends=$(dpkg-deb -f "$deb" Depends)
for dependency in libqt6core6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6keychain1 \
    libqt6sql6-sqlite qt6-qpa-plugins libqt6svg6 libsource-highlight4v5; do
    grep -qE "(^|[ ,])$dependency([ ,(]|$)" <<<"$depends" \
        || fail "the package does not depend on $dependency (Depends: $depends)"
done
[ "$(dpkg-deb -f "$deb" Package)" = tramontane ] || fail "the package is not named tramontane"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the package version is not $version"
# Stripped programs: a few megabytes, not the hundred that debug information weighs.
size=$(dpkg-deb -f "$deb" Installed-Size)
[ "$size" -le 20000 ] || fail "the package installs $size KiB; are the programs stripped?"

# Installed into a throwaway root, the program starts and says its version. The PNG icons are
# real images of their size.
root=$work/root
dpkg-deb -x "$deb" "$root"
output=$(QT_QPA_PLATFORM=offscreen "$root/usr/bin/tramontane" --version 2>&1) \
    || fail "the installed tramontane --version failed: $output"
grep -qx "Tramontane $version" <<<"$output" || fail "unexpected --version output: $output"
png=$root/usr/share/icons/hicolor/48x48/apps/$app_id.png
[ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is no PNG"
width=$(od -An -tu1 -j 16 -N 4 "$png" | awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}')
[ "$width" = 48 ] || fail "$png is $width pixels wide, not 48"
# The desktop entry's icon and program exist in the package.
icon=$(sed -n 's/^Icon=//p' "$root/usr/share/applications/$app_id.desktop")
[ -f "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "no icon named $icon"
program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$root/usr/share/applications/$app_id.desktop")
[ -x "$root/usr/bin/$program" ] || fail "the desktop entry runs $program, which is not installed"
echo "check-package: $(basename "$deb") is valid ($(wc -l <"$work/files") entries)"
