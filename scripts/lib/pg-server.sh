# Sourced by scripts/test: a throw-away PostgreSQL server on 127.0.0.1, on a free port, in a
# temporary folder. pg_start exports TILLER_TEST_PG_URL; pg_stop removes everything.

pg_bindir() {
  local d
  d=$(pg_config --bindir 2>/dev/null || true)
  if [ -x "$d/initdb" ]; then echo "$d"; return; fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

pg_free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  return 1
}

pg_as_owner() {  # initdb and pg_ctl refuse to run as root
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin
  bin=$(pg_bindir)
  [ -x "$bin/initdb" ] || { echo "pg-server: initdb not found (install postgresql)" >&2; return 1; }
  PG_TEST_DIR=$(mktemp -d /tmp/tiller-pg.XXXXXX)
  chmod 0755 "$PG_TEST_DIR"
  mkdir -m 0700 "$PG_TEST_DIR/data"
  [ "$(id -u)" -eq 0 ] && chown -R postgres:postgres "$PG_TEST_DIR"
  PG_TEST_PORT=$(pg_free_port)
  pg_as_owner "$bin/initdb" -D "$PG_TEST_DIR/data" -U postgres --auth=trust -E UTF8 \
    --locale=C.UTF-8 >"$PG_TEST_DIR/initdb.log" 2>&1 \
    || { cat "$PG_TEST_DIR/initdb.log" >&2; return 1; }
  # One role signs in with a password (the keyring tests), everyone else is trusted.
  sed -i '1i host all tiller_pw 127.0.0.1/32 scram-sha-256' "$PG_TEST_DIR/data/pg_hba.conf"
  # Durability is pointless for a server that is deleted after the run; speed is not.
  pg_as_owner "$bin/pg_ctl" -D "$PG_TEST_DIR/data" -l "$PG_TEST_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_TEST_PORT -c unix_socket_directories=$PG_TEST_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_TEST_DIR/server.log" >&2; return 1; }
  PG_TEST_BIN=$bin
  "$bin/psql" -q -h 127.0.0.1 -p "$PG_TEST_PORT" -U postgres -d postgres \
    -c "CREATE ROLE tiller_pw LOGIN SUPERUSER PASSWORD 'pw-Secret-42'" >/dev/null
  export TILLER_TEST_PG_PASSWORD_URL="postgresql://tiller_pw@127.0.0.1:$PG_TEST_PORT/postgres"
  export TILLER_TEST_PG_PASSWORD="pw-Secret-42"
  export TILLER_TEST_PG_URL="postgresql://postgres@127.0.0.1:$PG_TEST_PORT/postgres"
  # pg_dump/pg_restore of the same major version as the server
  export PATH="$bin:$PATH"
  echo "pg-server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_TEST_PORT" >&2
}

pg_stop() {
  [ -n "${PG_TEST_DIR:-}" ] || return 0
  pg_as_owner "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=
}
