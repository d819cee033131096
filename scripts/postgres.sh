#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and for trying the portal on PostgreSQL.
#
#   scripts/postgres.sh start     initdb into a temporary folder, start on a free loopback port,
#                                 print the connection string (idempotent: reuses a running cluster)
#   scripts/postgres.sh env       print "export ..." lines: eval "$(scripts/postgres.sh env)"
#   scripts/postgres.sh restart   stop and start the same cluster (same port, same data)
#   scripts/postgres.sh stop      stop it and delete its folder
#   scripts/postgres.sh pause|resume  stop the server keeping its data, start it again (fault tests)
#   scripts/postgres.sh status    exit 0 when it runs
#
# The folder is $PC_POSTGRES_DIR (default: /tmp/partnercenter-postgres-$UID). Installs Debian's
# `postgresql` package when no server binaries are found. As root the server runs as the
# `postgres` user (PostgreSQL refuses to run as root); otherwise as the current user.
# Tuned for tests, never for data you keep: fsync=off, synchronous_commit=off, trust auth on
# 127.0.0.1 only, max_connections=500 (many test apps, each with its own pool, run in parallel).
set -euo pipefail

dir=${PC_POSTGRES_DIR:-/tmp/partnercenter-postgres-$(id -u)}
data="$dir/data"
user=partnercenter
database=partnercenter

bin_dir() {
  local candidate
  for candidate in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [ -x "$candidate/initdb" ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

install_server() {
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  echo "installing Debian's postgresql package" >&2
  "${sudo[@]}" apt-get update -qq >&2 &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
  # Debian's package creates and starts a system cluster; this script never uses it.
}

# as_owner CMD...: runs a server command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

free_port() {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port() { cat "$dir/port"; }

connection_string() {
  echo "Host=127.0.0.1;Port=$(port);Username=$user;Database=$database"
}

running() {
  [ -f "$dir/port" ] && [ -d "$data" ] && as_owner "$(bin_dir)/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start_server() {
  as_owner "$(bin_dir)/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
    -o "-p $(port) -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" \
    start >/dev/null
}

start() {
  if running; then
    connection_string
    return 0
  fi

  bin_dir >/dev/null || install_server
  local bin
  bin=$(bin_dir) || {
    echo "no PostgreSQL server binaries found under /usr/lib/postgresql" >&2
    exit 1
  }

  rm -rf "$dir"
  mkdir -p "$dir"
  free_port >"$dir/port"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$dir"
  fi

  as_owner "$bin/initdb" -D "$data" -A trust -U "$user" --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    exit 1
  }
  start_server || {
    cat "$dir/server.log" >&2
    exit 1
  }
  "$bin/psql" -h 127.0.0.1 -p "$(port)" -U "$user" -d postgres -q -c "CREATE DATABASE $database" >/dev/null
  connection_string
}

stop() {
  if [ -d "$data" ] && bin_dir >/dev/null; then
    as_owner "$(bin_dir)/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
env)
  running || start >/dev/null
  cs=$(connection_string)
  echo "export PC_TEST_POSTGRES='$cs'"
  echo "export Database__Provider=PostgreSql"
  echo "export ConnectionStrings__PostgreSql='$cs'"
  ;;
restart)
  running || {
    echo "no cluster in $dir" >&2
    exit 1
  }
  as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  start_server
  ;;
pause)
  # Stops the server but keeps its folder, for a later "resume" (the database-down tests).
  as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  ;;
resume) start_server ;;
stop) stop ;;
status) running ;;
*)
  echo "usage: scripts/postgres.sh start|env|restart|pause|resume|stop|status" >&2
  exit 2
  ;;
esac
