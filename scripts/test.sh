#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the server and the web front end, starts a
# private PostgreSQL on loopback, runs every CTest test on SQLite and PostgreSQL, stops PostgreSQL,
# then runs the web's unit tests (Vitest) and its end-to-end tests (headless Chromium against a real
# server on the demo community).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/install-deps.sh
scripts/build.sh
scripts/build-web.sh
pg_dir=$(mktemp -d /tmp/shequ-pg.XXXXXX)
trap '"$root/scripts/pg-test-cluster.sh" stop "$pg_dir"' EXIT
SHEQU_TEST_PG_URL=$(scripts/pg-test-cluster.sh start "$pg_dir")
export SHEQU_TEST_PG_URL
(cd build && ctest --output-on-failure --timeout 300 -j "$(nproc)" "$@")
cd web
npm run test:unit
SHEQU_BIN="$root/build/src/app/shequ" npm run test:e2e
