#!/usr/bin/env bash
# Installs what the end-to-end suite needs on a Debian machine: Debian's
# chromium, CJK fonts (readable screenshots), the kerberos headers and
# ripgrep that code-server's install needs, and code-server itself in a cache
# folder outside the project, so it stays out of the lockfile and of `npm ci`.
# Safe to run again: each step is skipped when its result is already there.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
# The @vscode/ripgrep version code-server ${CODE_SERVER_VERSION} pins in its shrinkwrap.
RIPGREP_PACKAGE_VERSION=1.15.11
cache="${NEWSPRINT_E2E_CACHE:-$HOME/.cache/newsprint-e2e}"
prefix="$cache/code-server-$CODE_SERVER_VERSION"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e setup: apt-get install ${need_apt[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${need_apt[@]}" >/dev/null
fi

if [ -x "$prefix/node_modules/.bin/code-server" ] && [ -f "$prefix/.installed" ]; then
  echo "e2e setup: code-server $CODE_SERVER_VERSION already in $prefix"
  exit 0
fi

echo "e2e setup: installing code-server $CODE_SERVER_VERSION into $prefix"
rm -rf "$prefix"
mkdir -p "$prefix"
# @vscode/ripgrep downloads rg from GitHub unless it finds the release tarball
# in its cache folder under the temp dir; Debian's rg, packed the way the
# release is (rg at the top of the archive), stands in for it.
tmp="$prefix/tmp"
rgcache="$tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
mkdir -p "$rgcache"
for release in v13.0.0-10 v13.0.0-13; do
  tar czf "$rgcache/ripgrep-$release-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
done
echo '{"private":true}' >"$prefix/package.json"
# unsafe_perm: code-server's postinstall refuses to run as root without it.
# yes: node-pty's install runs `npx node-gyp`, which must not prompt.
(
  cd "$prefix"
  TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION"
)
rm -rf "$tmp"
touch "$prefix/.installed"
echo "e2e setup: code-server ready"
