#!/usr/bin/env bash
# A PostgreSQL for the store's tests, from Debian's packages: installs it if missing, starts the
# cluster, and makes a role and database for the tests (each idempotent, so it can run again).
# Runs as root (CI) or with sudo. Prints the database URL the tests read as TEST_DATABASE_URL.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
as_postgres() { if [ -z "$SUDO" ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
ROLE="${PGTEST_ROLE:-capexlens}"
PASSWORD="${PGTEST_PASSWORD:-capexlens-test}"
DB="${PGTEST_DB:-capexlens_test}"

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update >&2
  $SUDO apt-get install -y --no-install-recommends postgresql >&2
fi
# The newest installed cluster (Debian makes "main" on install); start it unless it is online.
read -r VERSION CLUSTER PORT STATUS _ < <(pg_lsclusters -h | sort -V | tail -n 1)
if [ "$STATUS" != "online" ]; then $SUDO pg_ctlcluster "$VERSION" "$CLUSTER" start >&2; fi
for i in $(seq 1 30); do
  as_postgres pg_isready -q -p "$PORT" && break
  if [ "$i" = 30 ]; then echo "postgres.sh: PostgreSQL $VERSION/$CLUSTER did not start" >&2; exit 1; fi
  sleep 1
done

psql_admin() { (cd / && as_postgres psql -p "$PORT" -v ON_ERROR_STOP=1 -qAt "$@"); }
psql_admin -v role="$ROLE" -v password="$PASSWORD" >&2 <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'role', :'password')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'role', :'password') \gexec
SQL
psql_admin -v role="$ROLE" -v db="$DB" >&2 <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
echo "postgres://${ROLE}:${PASSWORD}@127.0.0.1:${PORT}/${DB}"
