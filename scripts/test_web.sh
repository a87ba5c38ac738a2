#!/usr/bin/env bash
# Builds the web page (scripts/build_web.sh), serves it on 127.0.0.1 and drives it in Debian's
# headless Chromium with puppeteer-core (tests/web/web_test.mjs). Installs chromium and the npm
# packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh chromium
[ -d node_modules/puppeteer-core ] || npm ci --silent --no-audit --no-fund >/dev/null
bash scripts/build_web.sh
# A free port: the kernel's choice.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory build-web/site >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1
done
# What a visitor downloads, compressed as a static host would send it.
total=0
for f in build-web/site/*; do total=$((total + $(gzip -9c "$f" | wc -c))); done
echo "web page: $(awk "BEGIN{printf \"%.1f\", $total/1048576}") MB to download (gzip)"
node tests/web/web_test.mjs "http://127.0.0.1:$port/"
# A phone held upright and sideways, a tablet; the wheel, no Quit, the link's language, the
# offline copy. Its screenshots go to build-web/screenshots/.
node tests/web/phone_test.mjs "http://127.0.0.1:$port/" build-web/screenshots
