#!/usr/bin/env bash
# npm run cluster [-- start|stop|status]: Runbox as it runs on several machines, on one machine.
#   PostgreSQL (the cluster of scripts/lib.sh, database runbox_cluster), two extra Docker engines
#   (own data root, exec root, pid file and socket; the images copied from the main engine), and
#   two Runbox instances on two ports sharing the database and both engines.
# Ports: CLUSTER_PORTS (default "3501 3502"). Logs and pid files: .runbox/cluster/.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

DIR=$RUNBOX_STATE_DIR/cluster
ENGINES=(cluster-a cluster-b)
read -r -a PORTS <<<"${CLUSTER_PORTS:-3501 3502}"
mkdir -p "$DIR"

engine_sock() { echo "/run/runbox-$1.sock"; }
engine_ok() { DOCKER_HOST="unix://$(engine_sock "$1")" timeout 10 docker info >/dev/null 2>&1; }
alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

start_engine() {
  local name=$1 sock
  sock=$(engine_sock "$name")
  if engine_ok "$name"; then
    say "engine $name running (unix://$sock)"
  else
    [ -f "/run/runbox-$name.pid" ] && ! alive "$(cat "/run/runbox-$name.pid")" && rm -f "/run/runbox-$name.pid"
    mkdir -p "$RUNBOX_STATE_DIR/engines/$name"
    say "starting engine $name (unix://$sock)"
    setsid nohup dockerd --data-root "$RUNBOX_STATE_DIR/engines/$name" --exec-root "/run/runbox-$name-exec" \
      --pidfile "/run/runbox-$name.pid" -H "unix://$sock" --bridge=none --iptables=false --ip6tables=false \
      >"$DIR/dockerd-$name.log" 2>&1 </dev/null &
    local i
    for i in $(seq 1 60); do engine_ok "$name" && break; sleep 0.5; done
    engine_ok "$name" || die "engine $name did not start; see $DIR/dockerd-$name.log."
  fi
}

start() {
  is_root || die "the cluster starts Docker engines and PostgreSQL: run it as root."
  ensure_engine
  ensure_deps
  ensure_images
  ensure_build
  ensure_postgres
  local bin url
  bin=$(pg_bin)
  if ! "$bin/psql" -X -tA -h "$PG_SOCK" -p "$PG_PORT" -U runbox -d postgres \
    -c "SELECT 1 FROM pg_database WHERE datname = 'runbox_cluster'" | grep -q 1; then
    pg_sql "$bin" "CREATE DATABASE runbox_cluster"
  fi
  url="postgresql://runbox@localhost/runbox_cluster?host=$PG_SOCK&port=$PG_PORT"
  (DATABASE_URL=$url ensure_db)
  [ -f "$DIR/secret" ] || (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n' >"$DIR/secret")

  local hosts=() name
  for name in "${ENGINES[@]}"; do
    start_engine "$name"
    hosts+=("unix://$(engine_sock "$name")=2")
  done
  local joined
  joined=$(IFS=,; echo "${hosts[*]}")
  RUNBOX_DOCKER_HOSTS=$joined bash "$ROOT/scripts/images.sh" >/dev/null

  local i port
  for i in "${!PORTS[@]}"; do
    port=${PORTS[$i]}
    if alive "$(cat "$DIR/instance-$port.pid" 2>/dev/null || true)"; then
      say "instance $((i + 1)) running on http://127.0.0.1:$port"
      continue
    fi
    (
      cd "$ROOT"
      HOST=127.0.0.1 PORT=$port DATABASE_URL=$url RUNBOX_DOCKER_HOSTS=$joined RUNBOX_INSTANCE_ID="cluster-$((i + 1))" \
        RUNBOX_SECRET=$(cat "$DIR/secret") RUNBOX_POOL_PREWARM=python LOG_LEVEL=${LOG_LEVEL:-info} \
        setsid nohup node --import tsx server.ts >"$DIR/instance-$port.log" 2>&1 </dev/null &
      echo $! >"$DIR/instance-$port.pid"
    )
  done
  for port in "${PORTS[@]}"; do
    for i in $(seq 1 120); do
      curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
      sleep 0.5
    done
    curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 || die "the instance on port $port did not come up; see $DIR/instance-$port.log."
  done
  say "cluster up:"
  for port in "${PORTS[@]}"; do say "  http://127.0.0.1:$port   (log: $DIR/instance-$port.log)"; done
  say "  PostgreSQL: $url"
  say "  Docker engines: $joined"
  say "stop it with: npm run cluster -- stop"
}

stop() {
  local port pid name
  for port in "${PORTS[@]}"; do
    pid=$(cat "$DIR/instance-$port.pid" 2>/dev/null || true)
    if alive "$pid"; then
      say "stopping the instance on port $port"
      kill -TERM "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do alive "$pid" || break; sleep 0.25; done
      alive "$pid" && kill -KILL "-$pid" 2>/dev/null || true
    fi
    rm -f "$DIR/instance-$port.pid"
  done
  for name in "${ENGINES[@]}"; do
    pid=$(cat "/run/runbox-$name.pid" 2>/dev/null || true)
    if alive "$pid"; then
      say "stopping engine $name"
      kill -TERM "$pid"
      for _ in $(seq 1 120); do alive "$pid" || break; sleep 0.25; done
    fi
  done
  stop_postgres
  say "cluster stopped"
}

status() {
  local port name
  for port in "${PORTS[@]}"; do
    if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then say "instance :$port up"; else say "instance :$port down"; fi
  done
  for name in "${ENGINES[@]}"; do
    if engine_ok "$name"; then say "engine $name up"; else say "engine $name down"; fi
  done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "usage: npm run cluster -- start|stop|status" ;;
esac
