#!/usr/bin/env bash
# Installs zhkit for every user of this machine, or wherever PREFIX says: a release build with the
# Swift runtime linked in (--static-swift-stdlib), so that the binary needs no Swift toolchain,
# only the system ICU (libicu); its data (the compiled lexicon, the name lists, the name model)
# beside it in PREFIX/share/zhkit; the licence, the notice and the output contract in
# PREFIX/share/doc/zhkit.
#
# Usage: bash scripts/install.sh [PREFIX]      (default: /usr/local; PREFIX=… works too)
# The binary finds its data through PREFIX/bin/../share/zhkit, however it is reached (a link
# elsewhere is followed); ZHKIT_RESOURCES=FOLDER points a binary at data kept elsewhere.
set -euo pipefail
prefix=${1:-${PREFIX:-/usr/local}}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash .ci/setup
build=(swift build -c release --product zhkit --static-swift-stdlib --scratch-path .build-static)
"${build[@]}" >&2
bin=$("${build[@]}" --show-bin-path)
sudo=""
mkdir -p "$prefix" 2>/dev/null || true
[ -w "$prefix" ] || sudo="sudo"
$sudo install -d "$prefix/bin" "$prefix/share/zhkit" "$prefix/share/doc/zhkit"
$sudo install -m 755 "$bin/zhkit" "$prefix/bin/zhkit"
$sudo install -m 644 "$bin"/ZhKit_ZhKit.resources/* "$bin"/ZhKit_ZhKitEntities.resources/* "$prefix/share/zhkit/"
$sudo install -m 644 LICENSE NOTICE CHANGELOG.md docs/ANNOTATION.md "$prefix/share/doc/zhkit/"
echo "installed $("$prefix/bin/zhkit" --version) in $prefix/bin/zhkit, its data in $prefix/share/zhkit" >&2
