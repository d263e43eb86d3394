#!/usr/bin/env bash
# HTTP throughput of shequ beside nginx, on loopback, in one run.
#   bench/http_bench.sh [DURATION_SECONDS] [CONNECTIONS]
# Starts nginx serving a static 200-byte JSON file and shequ on a fresh SQLite database, loads
# each with wrk (2 threads, keep-alive), and prints a Markdown table: nginx static file,
# shequ GET /healthz, shequ GET /api/me (signed in: session lookup, user, scopes, JSON), and
# shequ's idle resident memory. wrk shares the two cores with the server, as nginx does.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
shequ=build/src/app/shequ
[[ -x $shequ ]] || scripts/build.sh
command -v wrk >/dev/null && command -v nginx >/dev/null || scripts/install-deps.sh --bench

work=$(mktemp -d /tmp/shequ-bench.XXXXXX)
chmod 755 "$work"  # nginx workers run as another user
cleanup() {
  [[ -n ${shequ_pid:-} ]] && kill "$shequ_pid" 2>/dev/null || true
  [[ -n ${uncached_pid:-} ]] && kill "$uncached_pid" 2>/dev/null || true
  [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# A 200-byte JSON body, the size of a small API answer.
printf '{"status":"ok","service":"static","padding":"%0166d"}' 0 >"$work/static.json"
nginx_port=$((30000 + RANDOM % 10000))
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    location / { root $work; default_type application/json; }
  }
}
CONF
nginx -c "$work/nginx.conf"

db="sqlite://$work/shequ.db"
$shequ user add --db "$db" --username bench --role community --scope 610921100001 --password-stdin \
  <<<"Load-Test-Pass-26" >/dev/null
$shequ serve --db "$db" --listen 127.0.0.1:0 --threads 2 --access-log "$work/access.log" >"$work/serve.out" 2>>"$work/serve.err" &
shequ_pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
shequ_port=$(sed -n 's/.*"address":"127.0.0.1:\([0-9]*\)".*/\1/p' "$work/serve.out")
sleep 1
idle_rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$shequ_pid/status")
token=$(curl -s -H 'Content-Type: application/json' -d '{"username":"bench","password":"Load-Test-Pass-26"}' \
  "http://127.0.0.1:$shequ_port/api/auth/login" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')

run() {  # name url [header]
  local args=(-t2 -c"$connections" -d"${duration}s" --latency)
  [[ -n ${3:-} ]] && args+=(-H "$3")
  wrk "${args[@]}" "$2" >"$work/wrk.out"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.out")
  if grep -q "Non-2xx" "$work/wrk.out"; then echo "error: $1 answered non-2xx" >&2; cat "$work/wrk.out" >&2; exit 1; fi
  echo "$1|$rps|$p99"
}

nginx_line=$(run "nginx static 200 B" "http://127.0.0.1:$nginx_port/static.json")
health_line=$(run "shequ GET /healthz" "http://127.0.0.1:$shequ_port/healthz")
me_line=$(run "shequ GET /api/me (Bearer)" "http://127.0.0.1:$shequ_port/api/me" "Authorization: Bearer $token")
busy_rss_kib=$(awk '/VmRSS/ {print $2}' "/proc/$shequ_pid/status")

# The same signed-in read with the session cache off: every request reads its session row.
kill "$shequ_pid"; wait "$shequ_pid" 2>/dev/null || true; shequ_pid=
$shequ serve --db "$db" --listen 127.0.0.1:0 --threads 2 --access-log "$work/access.log" --session-cache-ms 0 \
  >"$work/serve2.out" 2>>"$work/serve.err" &
uncached_pid=$!
for _ in $(seq 100); do grep -q listening "$work/serve2.out" 2>/dev/null && break; sleep 0.1; done
uncached_port=$(sed -n 's/.*"address":"127.0.0.1:\([0-9]*\)".*/\1/p' "$work/serve2.out")
uncached_line=$(run "shequ GET /api/me, session cache off" "http://127.0.0.1:$uncached_port/api/me" \
  "Authorization: Bearer $token")
nginx_rps=$(cut -d'|' -f2 <<<"$nginx_line")

echo "| target | req/s | p99 latency | share of nginx |"
echo "|---|---:|---:|---:|"
for line in "$nginx_line" "$health_line" "$me_line" "$uncached_line"; do
  IFS='|' read -r name rps p99 <<<"$line"
  share=$(awk -v a="$rps" -v b="$nginx_rps" 'BEGIN {printf "%.0f%%", 100 * a / b}')
  echo "| $name | $rps | $p99 | $share |"
done
echo
echo "shequ resident memory: idle $((idle_rss_kib / 1024)) MiB, after load $((busy_rss_kib / 1024)) MiB"
echo "access log lines written: $(wc -l <"$work/access.log")"
