#!/usr/bin/env bash
# Installs the Debian packages the site needs beyond Python, when they are missing:
#   chromium        the browser tests (Playwright's own browser download does not work offline)
#   fonts-noto-cjk  the CJK font the build draws the preview cards with (kb/finish/preview_cards.py)
# Needs root or sudo; CI runs as root.
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc ] || packages+=(fonts-noto-cjk)
if [ "${#packages[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1; then
  sudo apt-get update -qq
  sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
else
  echo "install_browser.sh: missing ${packages[*]} and no root or sudo to install them;" >&2
  echo "  run: apt-get install ${packages[*]}  (the build needs fonts-noto-cjk; the browser tests are skipped without chromium)" >&2
fi
