#!/usr/bin/env bash
# Builds Radicula for the browser into build-web/site/ (index.html, page.js, radicula.js,
# radicula.wasm, radicula.data, the web app manifest, icons and the offline copy's sw.js): the
# same C++ as the desktop app, compiled with Debian's emscripten to WebAssembly and WebGL 2.
# Dear ImGui's and meshoptimizer's sources come from Debian's source packages (fetched once
# with a private copy of the apt sources, cached in build-web/deps); glm, nlohmann-json,
# tinygltf and stb are Debian's header-only packages, linked into a small include folder.
# The desktop build is untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/build-web
deps=$out/deps

bash scripts/setup.sh emscripten libglm-dev nlohmann-json3-dev libtinygltf-dev libstb-dev \
  fonts-dejavu-core xz-utils
# emcc runs on the machine's Node, which does not look in Debian's module folder by itself.
export NODE_PATH=/usr/share/nodejs
export EM_CACHE=$out/em-cache
mkdir -p "$deps" "$EM_CACHE"
# The system's emscripten cache is read-only: start from a copy of it.
if [ ! -d "$EM_CACHE/sysroot" ]; then cp -r /usr/share/emscripten/cache/. "$EM_CACHE/"; fi

# Sources of Debian's imgui and meshoptimizer packages, from the machine's own mirror with a
# deb-src entry added in a private apt configuration (the system's is not touched).
fetch_source() {
  local name=$1 dir=$2
  [ -d "$deps/$dir" ] && return
  local apt=$deps/apt
  mkdir -p "$apt/sources.list.d" "$apt/lists/partial" "$apt/cache/archives/partial"
  local uris suites
  uris=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | cut -d' ' -f2)
  uris=${uris:-http://deb.debian.org/debian}
  suites=$(. /etc/os-release && echo "$VERSION_CODENAME")
  cat >"$apt/sources.list.d/src.sources" <<SRC
Types: deb-src
URIs: $uris
Suites: $suites
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local opts=(-o Dir::Etc::sourcelist=/dev/null -o "Dir::Etc::sourceparts=$apt/sources.list.d"
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o APT::Sandbox::User=root)
  [ -f "$apt/updated" ] || { apt-get "${opts[@]}" update -qq && touch "$apt/updated"; }
  (cd "$deps" && apt-get "${opts[@]}" source --download-only -qq "$name" >/dev/null)
  local orig
  orig=$(ls "$deps"/"${name}"_*.orig.tar.* | head -1)
  mkdir -p "$deps/$dir.tmp"
  tar -xf "$orig" -C "$deps/$dir.tmp" --strip-components=1
  mv "$deps/$dir.tmp" "$deps/$dir"
}
fetch_source imgui imgui
fetch_source meshoptimizer meshoptimizer

# Header-only libraries, one link each.
inc=$deps/include
mkdir -p "$inc"
ln -sfn /usr/include/glm "$inc/glm"
ln -sfn /usr/include/nlohmann "$inc/nlohmann"
ln -sfn /usr/include/tiny_gltf.h "$inc/tiny_gltf.h"
ln -sfn /usr/include/stb "$inc/stb"

emcmake cmake -S . -B "$out/cmake" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DRADICULA_WEB_DEPS="$deps" -DRADICULA_BUILD_TESTS=OFF >/dev/null
cmake --build "$out/cmake" --target radicula_web -- -k 0

site=$out/site
mkdir -p "$site"
cp "$out/cmake/radicula.js" "$out/cmake/radicula.wasm" "$out/cmake/radicula.data" "$site/"
cp web/index.html web/page.js web/manifest.webmanifest web/icon.svg web/icon-192.png \
  web/icon-512.png web/icon-maskable-512.png "$site/"
# The offline copy's version is the build's own: a new build replaces the kept files at once.
version=$(cat "$site"/radicula.* "$site"/index.html "$site"/page.js "$site"/manifest.webmanifest |
  sha256sum | cut -c1-16)
sed "s/@RADICULA_SITE_VERSION@/$version/" web/sw.js >"$site/sw.js"
echo "radicula web: built $site ($(du -sh "$site" | cut -f1))"
