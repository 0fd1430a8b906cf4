#!/usr/bin/env bash
# The test PostgreSQL by hand (npm test does all of this itself):
#   bash scripts/postgres.sh start   cluster running, runbox_test fresh and migrated; prints
#                                    RUNBOX_TEST_POSTGRES_URL=… and started=1 when it started it
#   bash scripts/postgres.sh stop    stop the cluster
# npx vitest run --project integration-postgres calls it when RUNBOX_TEST_POSTGRES_URL is unset.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "$0")/lib.sh"

case "${1:-start}" in
  start)
    {
      ensure_postgres
      reset_test_postgres
      (DATABASE_URL=$RUNBOX_TEST_POSTGRES_URL ensure_db)
    } >&2
    echo "RUNBOX_TEST_POSTGRES_URL=$RUNBOX_TEST_POSTGRES_URL"
    echo "started=${PG_STARTED:-0}"
    ;;
  stop) stop_postgres >&2 ;;
  *) die "usage: bash scripts/postgres.sh start|stop" ;;
esac
