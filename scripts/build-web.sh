#!/usr/bin/env bash
# Builds the web front end (console, phone pages, dashboard) into web/dist, which `shequ serve`
# serves at / and /m/. Fails if a first load grows past its size floor.
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund --loglevel=error
npm run build
