#!/usr/bin/env bash
# A cluster on one machine: PostgreSQL (its own data directory), N Streamlit replicas of the
# atlas sharing it, and nginx in front with sticky sessions, all on free ports.
#
#   deploy/cluster.sh up N      # last line: {"front": URL, "replicas": [URL, ...], "database_url": URL,
#                               #             "atlas": the published atlas's URL (nginx, static)}
#   deploy/cluster.sh down
#
# Runs the `python` and `streamlit` first on PATH (the active virtual environment). State
# lives in $ECOTOWN_CLUSTER_DIR (default: .cluster/ at the repository root). PostgreSQL runs
# as Debian's unprivileged `postgres` user when this runs as root.
set -euo pipefail
umask 077  # logs, pid files, the database URL: readable by this user only
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${ECOTOWN_CLUSTER_DIR:-$ROOT/.cluster}"
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

free_port() { python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_health() {  # url, pid
  for _ in $(seq 1 300); do
    if curl -sf "$1/_stcore/health" >/dev/null 2>&1; then return 0; fi
    if [ -n "${2:-}" ] && ! kill -0 "$2" 2>/dev/null; then echo "replica $1 exited" >&2; return 1; fi
    sleep 0.2
  done
  echo "$1 did not answer /_stcore/health" >&2; return 1
}

down() {
  if [ -f "$DIR/nginx/nginx.pid" ]; then "$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" -s quit 2>/dev/null || true; fi
  for pidfile in "$DIR"/replica-*.pid; do
    [ -f "$pidfile" ] || continue
    kill "$(cat "$pidfile")" 2>/dev/null || true
    rm -f "$pidfile"
  done
  if [ -d "$DIR/pg" ]; then python "$ROOT/deploy/pglocal.py" down "$DIR/pg" || true; fi
}

up() {
  local n="$1"
  cd "$ROOT"  # its .streamlit/config.toml applies to every replica
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 up N (N >= 1)" >&2; exit 2; }
  down
  rm -rf "$DIR"; mkdir -p "$DIR/pg" "$DIR/nginx/tmp"
  local db_url; db_url="$(python "$ROOT/deploy/pglocal.py" up "$DIR/pg" | tail -1)"
  ( umask 077; printf '%s\n' "$db_url" > "$DIR/database_url" )  # for `python -m ecotown import`
  # every replica signs the same XSRF cookies, so a user moved to another replica keeps working
  local secret; secret="$(python -c 'import secrets; print(secrets.token_hex(32))')"
  local replicas=() servers=""
  for i in $(seq 1 "$n"); do
    local port; port="$(free_port)"
    ECOTOWN_DATABASE_URL="$db_url" ECOTOWN_DATA_DIR="$DIR/data-$i" \
      STREAMLIT_SERVER_COOKIE_SECRET="$secret" ECOTOWN_TRUSTED_PROXIES="127.0.0.1" \
      nohup streamlit run "$ROOT/app.py" --server.port "$port" --server.address 127.0.0.1 \
      --server.headless true --browser.gatherUsageStats false \
      > "$DIR/replica-$i.log" 2>&1 < /dev/null &
    echo $! > "$DIR/replica-$i.pid"
    replicas+=("http://127.0.0.1:$port")
    servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=10s;"$'\n'
  done
  # the published atlas of the public record, served by nginx at /atlas/ (a steward publishes
  # another dataset or version with: python -m ecotown publish --dataset NAME --out $DIR/atlas)
  # (while the replicas start)
  ECOTOWN_DATABASE_URL="$db_url" ECOTOWN_DATA_DIR="$DIR/data-publish" \
    python -m ecotown publish --dataset public --out "$DIR/atlas" --lang en > /dev/null &
  local publishing=$!
  for i in $(seq 1 "$n"); do wait_health "${replicas[$((i-1))]}" "$(cat "$DIR/replica-$i.pid")"; done
  wait "$publishing" || { echo "publishing the atlas failed" >&2; return 1; }
  local front_port; front_port="$(free_port)"
  local user=""; [ "$(id -u)" = 0 ] && user="user root;"
  python - "$ROOT/deploy/nginx.conf.template" "$DIR/nginx/nginx.conf" "$DIR/nginx" \
    "$front_port" "$user" "$servers" <<'PY'
import sys
template, out, directory, port, user, servers = sys.argv[1:7]
text = open(template).read()
for key, value in (("@@DIR@@", directory), ("@@PORT@@", port), ("@@USER@@", user),
                   ("@@ATLAS@@", directory.rsplit("/nginx", 1)[0] + "/atlas"),
                   ("@@SERVERS@@", servers.rstrip("\n"))):
    text = text.replace(key, value)
open(out, "w").write(text)
PY
  "$NGINX" -p "$DIR/nginx" -c "$DIR/nginx/nginx.conf" > /dev/null 2>&1 < /dev/null
  wait_health "http://127.0.0.1:$front_port"
  python - "http://127.0.0.1:$front_port" "$db_url" "${replicas[@]}" <<'PY'
import json, sys
front, database, *replicas = sys.argv[1:]
print(json.dumps({"front": front, "replicas": replicas, "database_url": database,
                  "atlas": front + "/atlas/"}))
PY
}

case "${1:-}" in
  up) up "${2:-2}" ;;
  down) down; echo "stopped" ;;
  *) echo "usage: $0 up N | down" >&2; exit 2 ;;
esac
