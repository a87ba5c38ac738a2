#!/usr/bin/env bash
# Serves build-web/site/ (scripts/build_web.sh builds it) on this machine and prints the URL.
# Any static host serves the same files; nothing is sent back to the server.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8080}
[ -f build-web/site/index.html ] || bash scripts/build_web.sh
echo "Radicula: http://127.0.0.1:$port/  (a scene link: http://127.0.0.1:$port/#h=L4-L5.left.paracentral.0.6&view=posterior)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory build-web/site
