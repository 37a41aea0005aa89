#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download
# cannot reach its servers here). Installs it through apt-get where it is
# missing and we may; otherwise says plainly that the browser tests will skip.
set -uo pipefail
CHROMIUM="${SAGSGANG_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "ensure-chromium: installing chromium with apt-get"
  if { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } > /tmp/ensure-chromium.log 2>&1; then
    exit 0
  fi
  echo "ensure-chromium: apt-get install chromium failed (see /tmp/ensure-chromium.log)"
fi
echo "skipped: no Chromium at $CHROMIUM; the browser tests will be skipped (install it: apt-get install -y chromium)"
exit 0
