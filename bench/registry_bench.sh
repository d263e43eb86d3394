#!/usr/bin/env bash
# The registry at scale, on SQLite: generating N residents (`shequ demo --people N`), importing the
# same N from a CSV file (`shequ import people`), then a street's filtered search and exact ID-number
# lookups (p50/p99), peak RSS and database size.
#   bench/registry_bench.sh [N]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
count=${1:-1000000}
shequ=$root/build/src/app/shequ
bench=$root/build/bench/registry_bench
[[ -x $shequ && -x $bench ]] || scripts/build.sh
work=$(mktemp -d /tmp/shequ-registry-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

timed() {  # label command... → "label|seconds|peak MiB"
  local label=$1
  shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  read -r seconds kib <"$work/time"
  echo "$label|$seconds|$((kib / 1024))"
}

generated="sqlite://$work/generated.db"
echo "| step | seconds | peak RSS MiB |"
echo "|---|---|---|"
timed "demo --people $count (generate and write)" "$shequ" demo --db "$generated" --people "$count"
imported="sqlite://$work/imported.db"
"$shequ" demo --db "$imported" --people "$count" --people-csv "$work/people.csv" >/dev/null
timed "import people of a $count-row CSV" "$shequ" import people --db "$imported" "$work/people.csv"
echo
"$bench" --db "$generated" --queries 2000
