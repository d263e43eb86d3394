#!/usr/bin/env bash
# Installs the Debian 12 packages shequ needs to build, test and benchmark, skipping those present.
# The web front end is built with npm (Node.js 20.19 or later); its end-to-end tests drive Debian's
# Chromium. --bench adds what the load benchmarks need (wrk, nginx).
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  nlohmann-json3-dev libcli11-dev
  libsqlite3-dev libpq-dev libsodium-dev
  libzip-dev libpugixml-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  postgresql chromium
  fonts-noto-cjk # the pages speak Chinese: headless Chromium needs a CJK font to render them
)
# Node.js and npm: the machine's own when present (Debian 12's nodejs is too old for Vite).
command -v npm >/dev/null || packages+=(npm)
case "${1:-}" in
  --bench) packages+=(wrk nginx-light) ;;
  --run) ;;
esac

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then exit 0; fi

echo "installing: ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
# policy-rc.d keeps the packaged PostgreSQL/nginx services from starting: tests run their own.
if [[ ! -e /usr/sbin/policy-rc.d ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
  "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
  trap '"${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
fi
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
