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

# The database: Prisma client generated, migrations applied.
ensure_db() {
  export DATABASE_URL=${DATABASE_URL:-file:$RUNBOX_STATE_DIR/runbox.db}
  cd "$ROOT" || exit 1
  if [ ! -f "$ROOT/lib/db/generated/client.ts" ] || [ "$ROOT/prisma/schema.prisma" -nt "$ROOT/lib/db/generated/client.ts" ]; then
    say "generating the Prisma client"
    npx prisma generate >/dev/null || die "prisma generate failed."
  fi
  say "applying database migrations (${DATABASE_URL#file:})"
  npx prisma migrate deploy 2>&1 | grep -E "applied|No pending|Error" || true
  npx prisma migrate status >/dev/null 2>&1 || die "the database at $DATABASE_URL is not up to date after migrating; see 'npx prisma migrate status'."
  # Exercise folders → database (idempotent; lib/db is server-only, hence the condition).
  npx tsx --conditions=react-server "$ROOT/scripts/import-exercises.ts" || die "importing exercises/ failed; see above."
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
