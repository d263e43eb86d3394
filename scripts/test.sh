#!/usr/bin/env bash
# The whole test suite, on SQLite and on PostgreSQL: installs what is missing, builds, starts a
# private PostgreSQL on loopback, runs every CTest test, stops PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/install-deps.sh
scripts/build.sh
pg_dir=$(mktemp -d /tmp/shequ-pg.XXXXXX)
trap '"$root/scripts/pg-test-cluster.sh" stop "$pg_dir"' EXIT
SHEQU_TEST_PG_URL=$(scripts/pg-test-cluster.sh start "$pg_dir")
export SHEQU_TEST_PG_URL
cd build
ctest --output-on-failure --timeout 300 -j "$(nproc)" "$@"
