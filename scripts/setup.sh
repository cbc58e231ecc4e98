#!/usr/bin/env bash
# `npm run setup` (and .ci/run, before `npm ci`): installs the system packages the tests use on
# Debian or Ubuntu — Chromium for the end-to-end tests, poppler-utils (pdftotext) for the printed
# documents, xvfb (a display for Electron on a machine without one) and the DejaVu fonts.
# Needs nothing from node_modules. Asks apt only when something is missing; elsewhere it says
# what to install and leaves the machine alone.
set -euo pipefail

chromium_present() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -e "$CHROMIUM_PATH" ]; then return 0; fi
  command -v chromium >/dev/null 2>&1 && return 0
  # The other places scripts/chromium.mjs looks on Linux.
  local p
  for p in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /snap/bin/chromium; do
    [ -x "$p" ] && return 0
  done
  return 1
}

if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
  if [ "$(uname -s)" = "Darwin" ]; then
    echo "This is macOS, so nothing was installed: run \`brew install --cask chromium\` (or install Google Chrome) and \`brew install poppler\`, or set CHROMIUM_PATH to a Chromium or Chrome you already have."
  else
    echo "This is not Debian or Ubuntu, so nothing was installed: install Chromium (or Chrome), poppler-utils (pdftotext), Xvfb and the DejaVu fonts with your package manager (Fedora: \`sudo dnf install chromium poppler-utils xorg-x11-server-Xvfb dejavu-sans-fonts\`), or set CHROMIUM_PATH to a Chromium or Chrome you already have."
  fi
  exit 0
fi

need=()
chromium_present || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)

if [ "${#need[@]}" -eq 0 ]; then
  echo "Everything the tests need is installed already (Chromium, poppler-utils, xvfb, fonts-dejavu-core): nothing to do."
  exit 0
fi

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "Installing ${need[*]} needs root, and sudo is not installed: run \`apt-get update && apt-get install ${need[*]}\` as root." >&2
    exit 1
  fi
  SUDO=(sudo)
fi
# sudo drops the environment, so the non-interactive front end is passed on explicitly.
APT=(${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get)

echo "Installing ${need[*]}…"
"${APT[@]}" update -qq
# Debian calls the package chromium; Ubuntu only has chromium-browser (which installs the snap).
for i in "${!need[@]}"; do
  if [ "${need[$i]}" = chromium ] && ! apt-cache show chromium >/dev/null 2>&1; then need[$i]=chromium-browser; fi
done
"${APT[@]}" install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "Installed ${need[*]}."
