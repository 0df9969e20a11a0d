#!/bin/sh
# Entry point of the locally built PostgreSQL image: behaves like the official postgres image for Testcontainers —
# POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB, /docker-entrypoint-initdb.d scripts, and the "ready to accept
# connections" log line twice (temporary server for init, then the real one). Accepts "postgres -c key=value ...".
set -eu
PGBIN=/usr/lib/postgresql/15/bin
export PGDATA="${PGDATA:-/var/lib/postgresql/data}"
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
[ "${1:-}" = postgres ] && shift
mkdir -p "$PGDATA" /var/run/postgresql
chown -R postgres:postgres "$PGDATA" /var/run/postgresql
chmod 700 "$PGDATA"
as_postgres() { su postgres -s /bin/sh -c "$1"; }
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  pwfile=$(mktemp)
  printf '%s' "${POSTGRES_PASSWORD:-postgres}" > "$pwfile"
  chown postgres "$pwfile"
  as_postgres "$PGBIN/initdb -D '$PGDATA' -U '$user' --pwfile='$pwfile' --auth-local=trust --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8" >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
  as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -o \"-c listen_addresses=''\" -w start"
  if [ "$db" != postgres ]; then
    as_postgres "psql -v ON_ERROR_STOP=1 -U '$user' -d postgres -c 'CREATE DATABASE \"$db\"'" >/dev/null
  fi
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sql) echo "running $script"; as_postgres "psql -v ON_ERROR_STOP=1 -U '$user' -d '$db' -f '$script'" ;;
      *.sh) echo "running $script"; . "$script" ;;
      *) ;;
    esac
  done
  as_postgres "$PGBIN/pg_ctl -D '$PGDATA' -m fast -w stop"
fi
exec su postgres -s /bin/sh -c "exec $PGBIN/postgres -D '$PGDATA' -c listen_addresses='*' $*"
