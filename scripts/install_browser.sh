#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests if it is missing (Playwright's own browser
# download does not work offline). Needs root or sudo; CI runs as root.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
packages=(chromium fonts-noto-cjk)
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
else
  echo "install_browser.sh: Chromium is missing and there is no root or sudo to install it;" >&2
  echo "  run: apt-get install ${packages[*]}  (the browser tests are skipped without it)" >&2
fi
