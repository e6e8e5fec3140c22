#!/usr/bin/env bash
# Installs (Debian package), starts and prepares a local PostgreSQL server for the test suite, then
# prints the line that points the tests at it:   eval "$(scripts/test-postgres.sh)"
# Idempotent: safe to run when the server is already installed, running and prepared. Needs root.
set -euo pipefail

role=riposte_test
password=riposte_test
port=${RIPOSTE_TEST_POSTGRES_PORT:-5432}

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main --port "$port" >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')

# A superuser role for tests: each test class creates and drops its own database.
runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN SUPERUSER PASSWORD '$password';
  END IF;
END \$\$;
SQL

echo "export RIPOSTE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres'"
