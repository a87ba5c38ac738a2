#!/usr/bin/env bash
# Installs the Debian packages Radicula builds and tests with, and any named as arguments.
# Idempotent: quiet and quick when everything is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config clang-format
  libglfw3-dev libglm-dev libimgui-dev libstb-dev libepoxy-dev
  libassimp-dev libtinygltf-dev nlohmann-json3-dev libmeshoptimizer-dev
  libgtest-dev libbenchmark-dev libcairo2-dev
  xvfb xauth libgl1-mesa-dri mesa-utils fonts-dejavu-core
  # The real-window test drives the viewer with a real X client.
  xdotool
  # scripts/fuzz.sh: clang with libFuzzer and the sanitizer runtimes.
  clang libclang-rt-14-dev
)
# More packages for one task (the web build's emscripten, its tests' chromium) as arguments.
packages+=("$@")
# Node.js runs the Khronos glTF validator in the tests; keep an existing install.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "radicula setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
