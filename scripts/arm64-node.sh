#!/usr/bin/env bash
# `bash scripts/arm64-node.sh` — Debian bookworm's arm64 node (18) with the arm64 libraries it needs (glibc 2.36,
# libstdc++ GLIBCXX_3.4.30: what the bundle's linux-arm64 bindings must load against) unpacked into
# .cache/arm64-node/, for test/prebuilds.test.ts to run the bundle under `qemu-aarch64-static -L .cache/arm64-node`.
# Each package is `apt-get download`ed with arm64 as the only architecture of a temporary apt (scripts/debian-apt.sh:
# the machine's apt setup and its architectures are not touched) and unpacked with `dpkg -x`, never installed.
# Idempotent: skipped when the folder holds node and was made from the same PACKAGES.
set -euo pipefail
cd "$(dirname "$0")/.."

DEST=.cache/arm64-node
# nodejs's dependencies (apt-cache depends --recurse, arm64): the node-* ones are the JavaScript that Debian's
# node loads at start-up from /usr/share/nodejs.
PACKAGES=(nodejs libnode108 libc6 libgcc-s1 libstdc++6 libuv1 libssl3 libicu72 libc-ares2 libbrotli1 zlib1g
  libnghttp2-14 node-acorn node-busboy node-cjs-module-lexer node-undici node-xtend)

if [ -x "$DEST/usr/bin/node" ] && [ "$(cat "$DEST/.packages" 2>/dev/null)" == "${PACKAGES[*]}" ]; then
  echo "arm64-node: already in $DEST"
  exit 0
fi

# shellcheck source=scripts/debian-apt.sh
source scripts/debian-apt.sh
echo "arm64-node: reading bookworm's arm64 package list"
temp_apt arm64 bookworm
(cd "$tmp/debs" && apt-get "${APT_OPTS[@]}" download "${PACKAGES[@]}" >"$tmp/download.log" 2>&1) || { cat "$tmp/download.log" >&2; exit 1; }

rm -rf "$DEST" "$DEST.partial"
mkdir -p "$DEST.partial"
for d in "$tmp/debs"/*.deb; do dpkg -x "$d" "$DEST.partial"; done
echo "${PACKAGES[*]}" >"$DEST.partial/.packages"
mv "$DEST.partial" "$DEST"
echo "arm64-node: ${#PACKAGES[@]} packages ($(basename "$tmp"/debs/nodejs_*.deb)) in $DEST ($(du -sh "$DEST" | cut -f1))"
