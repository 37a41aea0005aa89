#!/usr/bin/env bash
# Installs the Debian packages some tests drive (run before `jest` by `npm test`).
# Where it cannot (not root, or no apt-get) it says so and exits 0: those
# tests then print a "skipped:" line of their own instead of passing.
set -euo pipefail

# command on PATH → the Debian package that brings it
declare -A PACKAGES=(
  [pdftotext]=poppler-utils # the PDF referat read back (libs/referat/test/pdf.spec.ts, test/moeder.pdf.e2e.spec.ts)
)

missing=()
for command in "${!PACKAGES[@]}"; do
  command -v "$command" >/dev/null 2>&1 || missing+=("${PACKAGES[$command]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/debian-packages.sh: not installing ${missing[*]} (needs root and apt-get); the tests that need them are skipped"
  exit 0
fi
echo "scripts/debian-packages.sh: installing ${missing[*]}"
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
