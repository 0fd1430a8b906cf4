# Shared set-up steps for `npm start` and `npm test`. Each step checks first and does
# nothing when its work is already done, so later runs take seconds.
# shellcheck shell=bash

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export RUNBOX_STATE_DIR=${RUNBOX_STATE_DIR:-$ROOT/.runbox}
mkdir -p "$RUNBOX_STATE_DIR"

say() { printf '\033[1m[runbox]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[runbox] %s\033[0m\n' "$*" >&2; exit 1; }

is_root() { [ "$(id -u)" = 0 ]; }

APT_UPDATED=""
# apt_install PKG... — install Debian packages that are missing (root only).
apt_install() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  is_root || die "These Debian packages are needed: ${missing[*]}. Run as root, or install them with: sudo apt-get install ${missing[*]}"
  command -v apt-get >/dev/null || die "Cannot install ${missing[*]}: this is not a Debian-like system (no apt-get). Install them by hand."
  say "installing ${missing[*]} (apt)"
  if [ -z "$APT_UPDATED" ]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed; check the machine's package sources."
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
    die "apt-get install ${missing[*]} failed."
}

# Node dependencies: (re)install when node_modules is missing or older than the lockfile.
ensure_deps() {
  if [ ! -f "$ROOT/node_modules/.package-lock.json" ] || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
    # better-sqlite3 compiles from source when no prebuilt binary can be downloaded.
    command -v make >/dev/null && command -v g++ >/dev/null && command -v python3 >/dev/null || apt_install make g++ python3
    say "installing npm dependencies"
    (cd "$ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed; see above."
  else
    say "npm dependencies up to date"
  fi
}

docker_ok() { timeout 10 docker info >/dev/null 2>&1; }

# A reachable Docker engine: DOCKER_HOST or the default socket; otherwise, as root on
# Debian, install docker.io and start dockerd in the background (there is no systemd here).
ensure_engine() {
  if command -v docker >/dev/null && docker_ok; then
    say "Docker engine reachable ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
    return 0
  fi
  if [ -n "${DOCKER_HOST:-}" ]; then
    die "DOCKER_HOST is set to $DOCKER_HOST but no Docker engine answers there."
  fi
  if ! command -v dockerd >/dev/null; then
    is_root || die "Docker is not installed. Install it (e.g. 'sudo apt-get install docker.io') and start it, or run npm start as root to let Runbox do it."
    apt_install docker.io
  fi
  is_root || die "The Docker engine is not running and only root can start it: run 'sudo dockerd &' (or start the docker service)."
  # A dockerd killed without a clean shutdown leaves its pid file; a stale one blocks the next start.
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then rm -f /var/run/docker.pid; fi
  say "starting dockerd (log: $RUNBOX_STATE_DIR/dockerd.log)"
  # Its own session (setsid): Ctrl-C on npm start reaches npm's process group, not the engine.
  setsid nohup dockerd >"$RUNBOX_STATE_DIR/dockerd.log" 2>&1 </dev/null &
  local i
  for i in $(seq 1 60); do
    docker_ok && { say "Docker engine started"; return 0; }
    sleep 0.5
  done
  die "dockerd did not come up within 30 s; see $RUNBOX_STATE_DIR/dockerd.log."
}

# Sandbox images: built from Debian (debootstrap, or a pull where a registry answers).
ensure_images() {
  if ! docker image inspect debian:bookworm-slim >/dev/null 2>&1; then
    command -v debootstrap >/dev/null || apt_install debootstrap
  fi
  bash "$ROOT/scripts/images.sh" || die "building the sandbox images failed; see above."
}

# Which database a URL names: postgresql for postgres(ql)://, sqlite otherwise (a file: URL).
db_provider() { case "$1" in postgres://* | postgresql://*) echo postgresql ;; *) echo sqlite ;; esac; }

# Both Prisma clients, each generated when missing or older than its schema: lib/db/generated/sqlite
# from prisma/schema.prisma, lib/db/generated/postgres from prisma/postgres/schema.prisma (which
# scripts/postgres-schema.ts derives from it). `prisma generate` reads the datasource URL to pick
# its engine but never connects: a placeholder of the schema's provider will do.
generate_clients() {
  cd "$ROOT" || exit 1
  local schema client url log
  for schema in prisma/schema.prisma prisma/postgres/schema.prisma; do
    if [ "$schema" = prisma/schema.prisma ]; then
      client=lib/db/generated/sqlite/client.ts url=file:unused.db
    else
      client=lib/db/generated/postgres/client.ts url=postgresql://unused/unused
    fi
    if [ ! -f "$client" ] || [ "$schema" -nt "$client" ]; then
      say "generating the Prisma client ($schema)"
      log=$(DATABASE_URL=$url npx prisma generate --schema "$schema" 2>&1) ||
        die "prisma generate --schema $schema failed: $log"
    fi
  done
}

# The database: both clients generated, then the migrations of the provider DATABASE_URL names
# applied (prisma.config.ts picks schema, migrations folder and driver adapter from it).
ensure_db() {
  export DATABASE_URL=${DATABASE_URL:-file:$RUNBOX_STATE_DIR/runbox.db}
  cd "$ROOT" || exit 1
  generate_clients
  local provider
  provider=$(db_provider "$DATABASE_URL")
  # A PostgreSQL URL's password is never printed.
  say "applying database migrations ($provider: $(printf '%s' "${DATABASE_URL#file:}" | sed -E 's#(://[^:/@]*):[^@/]*@#\1:***@#'))"
  npx prisma migrate deploy 2>&1 | grep -E "applied|No pending|Error|P1" || true
  npx prisma migrate status >/dev/null 2>&1 || die "the $provider database is not up to date after migrating; see 'npx prisma migrate status'."
  # Exercise folders → database (idempotent; lib/db is server-only, hence the condition).
  npx tsx --conditions=react-server "$ROOT/scripts/import-exercises.ts" || die "importing exercises/ failed; see above."
}

# --- PostgreSQL for the tests -------------------------------------------------------------
# A cluster of our own (Debian's postgresql package) in $RUNBOX_STATE_DIR/postgres, reached only
# through a unix socket in its run/ folder (no TCP port). initdb and pg_ctl refuse root, so as
# root the cluster belongs to the postgres user the package creates; otherwise to the caller.
PG_PORT=5432
pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}
pg_user() { if is_root; then echo postgres; else id -un; fi; }
# as_pg CMD...: run a command as the cluster's owner.
as_pg() { if is_root; then runuser -u postgres -- "$@"; else "$@"; fi; }

# PG_HOME (data/, run/, logs): $RUNBOX_STATE_DIR/postgres, unless the cluster's owner cannot
# reach it (a checkout in a private home such as /root) or its socket path would pass the
# 107-byte limit; then a folder of this checkout's own elsewhere.
pg_paths() {
  PG_HOME=${RUNBOX_TEST_POSTGRES_DIR:-$RUNBOX_STATE_DIR/postgres}
  if [ -z "${RUNBOX_TEST_POSTGRES_DIR:-}" ]; then
    local key
    key=$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)
    if is_root && { [ ${#PG_HOME} -gt 80 ] || ! runuser -u postgres -- test -x "$RUNBOX_STATE_DIR"; }; then
      PG_HOME=/var/lib/postgresql/runbox-$key
    elif [ ${#PG_HOME} -gt 80 ]; then
      PG_HOME=${TMPDIR:-/tmp}/runbox-postgres-$(id -u)-$key
    fi
  fi
  PG_DATA=$PG_HOME/data
  PG_SOCK=$PG_HOME/run
  RUNBOX_TEST_POSTGRES_URL="postgresql://runbox@localhost/runbox_test?host=$PG_SOCK&port=$PG_PORT"
  export RUNBOX_TEST_POSTGRES_URL
}

pg_ready() { "$1/pg_isready" -q -h "$PG_SOCK" -p "$PG_PORT" -d postgres -U runbox 2>/dev/null; }
pg_sql() { PGOPTIONS="-c client_min_messages=warning" "$1/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$PG_PORT" -U runbox -d postgres -c "$2"; }

# A live postgres process (not a zombie, nor a pid since reused by another program).
pg_alive() { case "$(cut -d' ' -f2,3 "/proc/$1/stat" 2>/dev/null)" in "(postgres) "[RSDI]) return 0 ;; *) return 1 ;; esac; }

PG_STARTED=""
# The test cluster running (installed and created first when missing); sets PG_STARTED=1 when
# this call started it. Already running: well under a second.
ensure_postgres() {
  local bin
  bin=$(pg_bin) || true
  if [ -z "$bin" ]; then
    apt_install postgresql
    bin=$(pg_bin) || die "the postgresql package is installed but no /usr/lib/postgresql/*/bin/pg_ctl was found."
  fi
  pg_paths
  if pg_ready "$bin"; then
    say "test PostgreSQL running ($PG_SOCK)"
    return 0
  fi
  local owner
  owner=$(pg_user)
  mkdir -p "$PG_HOME"
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    say "creating the test PostgreSQL cluster in $PG_DATA"
    rm -rf "$PG_DATA"
    mkdir -p "$PG_DATA" "$PG_SOCK"
    chown -R "$owner" "$PG_HOME"
    chmod 700 "$PG_HOME" "$PG_DATA" "$PG_SOCK"
    # Trust on the socket only: the socket folder is the cluster owner's alone (0700), and root.
    as_pg "$bin/initdb" -D "$PG_DATA" -U runbox --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_HOME/initdb.log" 2>&1 ||
      die "initdb failed; see $PG_HOME/initdb.log."
    # A throwaway test cluster: durability is not worth its fsyncs.
    cat >>"$PG_DATA/postgresql.conf" <<'CONF'
# Runbox test cluster (scripts/lib.sh): socket only, no fsync.
listen_addresses = ''
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  fi
  mkdir -p "$PG_SOCK"
  chown "$owner" "$PG_HOME" "$PG_SOCK"
  # A server killed without a clean stop leaves postmaster.pid: stale unless its pid is a live
  # postgres, not a zombie (one still starting up is waited for, not started twice).
  local pid i
  pid=$(head -n 1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && pg_alive "$pid"; then
    for i in $(seq 1 60); do
      pg_ready "$bin" && { say "test PostgreSQL running ($PG_SOCK)"; return 0; }
      sleep 0.5
    done
    die "a test PostgreSQL (pid $pid) is running but does not answer on $PG_SOCK; see $PG_HOME/server.log."
  fi
  # …and so do its socket's lock file and the socket (postgres would take a zombie for its owner).
  rm -f "$PG_DATA/postmaster.pid" "$PG_SOCK/.s.PGSQL.$PG_PORT.lock" "$PG_SOCK/.s.PGSQL.$PG_PORT"
  say "starting the test PostgreSQL (log: $PG_HOME/server.log)"
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_HOME/server.log" -w -t 60 \
    -o "-k '$PG_SOCK' -p $PG_PORT" start >/dev/null || die "the test PostgreSQL did not start; see $PG_HOME/server.log."
  PG_STARTED=1
}

# A fresh, empty runbox_test database (as npm test starts from a fresh SQLite file).
reset_test_postgres() {
  local bin
  bin=$(pg_bin)
  pg_paths
  pg_sql "$bin" "DROP DATABASE IF EXISTS runbox_test WITH (FORCE)" &&
    pg_sql "$bin" "CREATE DATABASE runbox_test" || die "could not create the runbox_test database."
}

# Stop the test cluster (fast shutdown: sessions are ended, nothing is lost).
stop_postgres() {
  local bin
  bin=$(pg_bin) || return 0
  pg_paths
  [ -f "$PG_DATA/postmaster.pid" ] || return 0
  say "stopping the test PostgreSQL"
  as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null || true
}

# The Next.js production build, rebuilt when any source is newer than the last build.
ensure_build() {
  cd "$ROOT" || exit 1
  bash "$ROOT/scripts/copy-monaco.sh"
  local stamp="$ROOT/.next/BUILD_ID"
  if [ -f "$stamp" ] && [ -z "$(find app components lib public next.config.ts package-lock.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    say "app build up to date"
  else
    say "building the app (next build)"
    npx next build || die "next build failed; see above."
  fi
  # The error-analysis worker lives in .next, which next build empties: bundled every time (< 1 s).
  node "$ROOT/scripts/build-debug-worker.mjs" || die "bundling the debug analysis worker failed; see above."
}

# gVisor: install runsc and register it with dockerd as "runsc" (with its own network off),
# so RUNBOX_RUNTIME=runsc can run sandboxes under a second kernel boundary.
ensure_gvisor() {
  [ -z "${DOCKER_HOST:-}" ] || { say "DOCKER_HOST is set: register runsc on that engine yourself"; return 0; }
  command -v runsc >/dev/null || apt_install runsc
  if docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q '"runsc"'; then
    say "gVisor runtime registered"
    return 0
  fi
  is_root || die "Registering gVisor (runsc) with Docker needs root: add it to /etc/docker/daemon.json yourself."
  say "registering gVisor (runsc) with dockerd"
  mkdir -p /etc/docker
  node -e '
    const fs = require("fs");
    const file = "/etc/docker/daemon.json";
    const cfg = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8") || "{}") : {};
    cfg.runtimes = { ...(cfg.runtimes || {}), runsc: { path: process.argv[1], runtimeArgs: ["--network=none"] } };
    fs.writeFileSync(file, JSON.stringify(cfg, null, 2) + "\n");
  ' "$(command -v runsc)"
  # dockerd reloads its runtimes on SIGHUP, without stopping containers.
  pkill -HUP -x dockerd || true
  local i
  for i in $(seq 1 20); do
    docker info --format '{{json .Runtimes}}' 2>/dev/null | grep -q '"runsc"' && { say "gVisor runtime registered"; return 0; }
    sleep 0.5
  done
  die "dockerd did not pick up the runsc runtime; check /etc/docker/daemon.json and $RUNBOX_STATE_DIR/dockerd.log."
}
