#!/usr/bin/env bash
# Installs the Debian packages some tests drive; `npm test` runs it before jest.
#   chromium       the browser tests (test/web/*.browser.e2e.spec.ts): Playwright's
#                  own browser download cannot work here, so they drive Debian's
#   poppler-utils  pdftotext and pdfinfo, which read the PDF dagsorden and referat back
# Where a tool is missing and this cannot install it (not root, no apt-get, or
# apt-get fails), it prints one `skipped:` line per missing tool and exits 0:
# those tests then skip with a line of their own instead of passing.
set -uo pipefail

CHROMIUM="${SAGSGANG_CHROMIUM:-/usr/bin/chromium}"
LOG=/tmp/sagsgang-debian-packages.log

chromium_there() { [ -x "$CHROMIUM" ]; }
pdftotext_there() { command -v pdftotext > /dev/null 2>&1; }

packages=()
chromium_there || packages+=(chromium)
pdftotext_there || packages+=(poppler-utils)
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null 2>&1; then
  echo "scripts/debian-packages.sh: installing ${packages[*]} with apt-get"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"; } > "$LOG" 2>&1; then
    echo "scripts/debian-packages.sh: apt-get install ${packages[*]} failed (see $LOG)"
  fi
fi

chromium_there ||
  echo "skipped: no Chromium at $CHROMIUM; the browser tests will be skipped (as root: apt-get install -y chromium)"
pdftotext_there ||
  echo "skipped: no pdftotext on PATH; the PDF tests will be skipped (as root: apt-get install -y poppler-utils)"
exit 0
