#!/usr/bin/env bash
# npm test: the same set-up as npm start (plus Chromium), then every check. Exits non-zero
# on the first failing step and ends with one "N passed, N failed" line.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

t0=$SECONDS
ensure_engine
ensure_deps
command -v chromium >/dev/null || apt_install chromium
# pgrep/pkill: the Docker-outage test stops and restarts dockerd.
command -v pkill >/dev/null || apt_install procps
# The suite also runs a part of itself under gVisor (tests/integration/gvisor.test.ts).
if is_root; then ensure_gvisor; fi
ensure_images
# Tests use their own database, fresh each time, so runs from earlier sessions never interfere.
export DATABASE_URL="file:$RUNBOX_STATE_DIR/test.db"
rm -f "$RUNBOX_STATE_DIR"/test.db "$RUNBOX_STATE_DIR"/test.db-*
ensure_db
# …and the database and API tests run a second time on PostgreSQL: a cluster of our own under
# .runbox/postgres (stopped again at the end if this run started it), runbox_test fresh and
# migrated by the same ensure_db that npm start runs.
ensure_postgres
trap '[ -z "$PG_STARTED" ] || stop_postgres' EXIT
reset_test_postgres
(DATABASE_URL=$RUNBOX_TEST_POSTGRES_URL ensure_db)
say "set-up done in $((SECONDS - t0)) s"

reports="$RUNBOX_STATE_DIR/test-reports"
rm -rf "$reports"
mkdir -p "$reports"
cd "$ROOT"

say "type-check (tsc --noEmit)"
npx tsc --noEmit
say "lint (biome)"
npx biome check .
# Unit tests while the app builds (the integration tests start the built server, so it is built
# first); their output is shown once both are done.
say "unit tests (while the app builds)"
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$reports/unit.json" \
  >"$reports/unit.log" 2>&1 &
unit_pid=$!
ensure_build
unit_rc=0
wait "$unit_pid" || unit_rc=$?
cat "$reports/unit.log"
[ "$unit_rc" = 0 ] || die "unit tests failed; see above."
say "integration tests (real Docker, real SQLite)"
npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$reports/integration.json"
say "database and API integration tests again, on PostgreSQL"
npx vitest run --project integration-postgres --reporter=default --reporter=json \
  --outputFile.json="$reports/integration-postgres.json"
say "end-to-end tests (Playwright, Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" npx playwright test --reporter=list,json

node -e '
const fs = require("fs");
let passed = 0, failed = 0, skipped = 0;
for (const f of ["unit", "integration", "integration-postgres"]) {
  const r = JSON.parse(fs.readFileSync(process.argv[1] + "/" + f + ".json", "utf8"));
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += r.numPendingTests + (r.numTodoTests || 0);
}
const e = JSON.parse(fs.readFileSync(process.argv[1] + "/e2e.json", "utf8")).stats;
passed += e.expected; failed += e.unexpected; skipped += e.skipped;
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
' "$reports"
say "all checks passed in $((SECONDS - t0)) s"
