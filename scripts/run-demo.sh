#!/usr/bin/env bash
# Fresh machine to running server: install packages, build, load the demo (printing the
# administrator's password once), then serve on SQLite at http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
db="${SHEQU_DB:-sqlite://./data/shequ.db}"
build/src/app/shequ demo --db "$db"
exec build/src/app/shequ serve --db "$db" --listen "${SHEQU_LISTEN:-127.0.0.1:8080}"
