# shellcheck shell=bash
# Sourced by the scripts that `apt-get download` Debian packages to unpack with `dpkg -x`, never installing them
# (django-versions.sh, arm64-node.sh): apt under a temporary sources list, state and cache, so the machine's
# apt setup and its architectures are not touched.

# Prints the Debian archive the machine's apt sources use for bookworm (DEBIAN_MIRROR=http://…/debian overrides).
debian_mirror() {
  local mirror="${DEBIAN_MIRROR:-}"
  if [ -z "$mirror" ]; then
    # deb822 sources (URIs: … with Suites: bookworm) or one-line sources (deb URI bookworm main).
    mirror=$(awk '
      /^URIs:/ { uri = $2 }
      /^Suites:/ { for (i = 2; i <= NF; i++) if ($i == "bookworm" && uri != "") { print uri; exit } }
      /^$/ { uri = "" }' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n1 || true)  # no .sources files: awk fails, pipefail must not end the script
  fi
  if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
    mirror=$(awk '$1 == "deb" && $0 ~ / bookworm / { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list | head -n1 || true)
  fi
  if [ -z "$mirror" ]; then
    echo "$(basename "$0"): no Debian bookworm archive in the apt sources — set DEBIAN_MIRROR to a Debian mirror URL" >&2
    return 1
  fi
  echo "$mirror"
}

# temp_apt ARCH SUITE…: a temporary apt in $tmp (removed at exit) for the `main` component of each SUITE, with
# ARCH as its only architecture (empty: the machine's); its options in APT_OPTS, its package lists read.
# Downloads go to $tmp/debs: (cd "$tmp/debs" && apt-get "${APT_OPTS[@]}" download …).
temp_apt() {
  local arch=$1 mirror suite opts=""
  shift
  mirror=$(debian_mirror) || exit 1
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/lists/partial" "$tmp/cache/archives/partial" "$tmp/debs"
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  if [ -n "$arch" ]; then opts="arch=$arch"; fi
  if [ -f "$keyring" ]; then opts="${opts:+$opts }signed-by=$keyring"; fi
  for suite in "$@"; do echo "deb ${opts:+[$opts] }${mirror} ${suite} main"; done >"$tmp/sources.list"
  APT_OPTS=(
    -o "Dir::Etc::sourcelist=$tmp/sources.list"
    -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$tmp/lists"
    -o "Dir::Cache=$tmp/cache"
    -o "APT::Sandbox::User=root"
    -o "Debug::NoLocking=1"
    -q
  )
  if [ -n "$arch" ]; then
    APT_OPTS+=(-o "APT::Architecture=$arch" -o "APT::Architectures::=$arch" -o "Dir::State::status=/dev/null")
  fi
  apt-get "${APT_OPTS[@]}" update >"$tmp/update.log" 2>&1 || { cat "$tmp/update.log" >&2; exit 1; }
}
