#!/usr/bin/env bash
# npm run bench: the same set-up as npm start, then the latency/throughput benchmark.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"
ensure_engine
ensure_deps
ensure_images
export DATABASE_URL="file:$RUNBOX_STATE_DIR/bench.db"
ensure_db
ensure_build
cd "$ROOT"
exec npx tsx bench/latency.ts
