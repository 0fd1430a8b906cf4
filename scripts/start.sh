#!/usr/bin/env bash
# npm start: set everything up that is missing, then serve Runbox.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

t0=$SECONDS
ensure_engine
[ "${RUNBOX_RUNTIME:-}" = runsc ] && ensure_gvisor
ensure_deps
ensure_images
ensure_db
ensure_build
say "set-up done in $((SECONDS - t0)) s"

HOST=${HOST:-127.0.0.1}
PORT=${PORT:-3000}
say "serving on http://$HOST:$PORT"
cd "$ROOT"
# server.ts, not `next start`: it decides each client's address from the socket (see README).
export HOST PORT
exec node --import tsx server.ts
