#!/usr/bin/env bash
# pg.sh — start or stop a throwaway PostgreSQL cluster in a folder of its own,
# for tests and local runs of the sync server.
#
#   pg.sh start DIR   initdb + pg_ctl start in DIR; listens only on 127.0.0.1 on
#                     a free port (no unix socket), fsync off; prints exactly one
#                     line on stdout:  DATABASE_URL=postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres
#   pg.sh url DIR     prints that line again
#   pg.sh stop DIR    stops the cluster and removes DIR
#
# Needs Debian's `postgresql` package (apt-get install -y postgresql); the
# system service that package may start is neither needed nor touched. The
# newest /usr/lib/postgresql/*/bin holding initdb is used (override with
# PG_BINDIR), else initdb from PATH. PostgreSQL refuses to run as root, so as root the cluster is
# run by the `postgres` system user (runuser) and DIR is handed to that user.
set -euo pipefail

MARKER=.jobgate-pg

die() { echo "pg.sh: $*" >&2; exit 1; }

usage() {
  echo "usage: pg.sh start DIR | pg.sh url DIR | pg.sh stop DIR" >&2
  exit 2
}

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then
    [[ -x "$PG_BINDIR/initdb" ]] || die "PG_BINDIR=$PG_BINDIR has no initdb"
    echo "$PG_BINDIR"
    return
  fi
  # The newest version that has the server (a client-only package installs a
  # version folder without initdb).
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then
      echo "$d"
      return
    fi
  done
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  die "no PostgreSQL server binaries found (on Debian: apt-get install -y postgresql)"
}

# Runs a command as the cluster's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [[ $EUID -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  # A successful connect means something listens there.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

cmd_start() {
  local dir=$1 bindir password port started=0
  bindir=$(find_bindir)
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd -P)
  [[ -z "$(ls -A "$dir")" ]] || die "$dir is not empty"
  chmod 700 "$dir"
  touch "$dir/$MARKER" # from here on, `pg.sh stop DIR` may remove DIR
  if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user (apt-get install -y postgresql)"
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" \
      || die "user postgres cannot reach $dir (a parent folder is closed to it); use a folder under /tmp"
  fi

  password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  (umask 077; printf '%s\n' "$password" >"$dir/pwfile")
  [[ $EUID -ne 0 ]] || chown postgres: "$dir/pwfile"
  if ! as_owner "$bindir/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" \
      --auth=scram-sha-256 -E UTF8 --locale=C -N >"$dir/initdb.log" 2>&1; then
    cat "$dir/initdb.log" >&2
    die "initdb failed"
  fi
  rm -f "$dir/pwfile"
  cat >>"$dir/data/postgresql.conf" <<'EOF'

# pg.sh: a throwaway cluster for tests, tuned for speed over durability.
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF

  # Try random free ports; a port taken between the check and the start makes
  # pg_ctl fail, and we simply try another.
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "-p $port" -w -t 60 start \
        >"$dir/pg_ctl.log" 2>&1; then
      started=1
      break
    fi
    grep -qi "could not bind\|address already in use\|could not create any TCP/IP sockets" "$dir/postgres.log" 2>/dev/null \
      || { cat "$dir/pg_ctl.log" "$dir/postgres.log" >&2 2>/dev/null || true; die "pg_ctl start failed"; }
  done
  [[ $started -eq 1 ]] || die "no free port found"

  (umask 077; echo "DATABASE_URL=postgres://postgres:$password@127.0.0.1:$port/postgres" >"$dir/database_url")
  cat "$dir/database_url"
}

cmd_url() {
  local dir=$1
  [[ -f "$dir/database_url" ]] || die "no cluster started in $dir"
  cat "$dir/database_url"
}

cmd_stop() {
  local dir=$1 bindir
  [[ -d "$dir" ]] || die "$dir does not exist"
  [[ -f "$dir/$MARKER" ]] || die "$dir was not made by pg.sh start; not removing it"
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    bindir=$(find_bindir)
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 \
      || echo "pg.sh: could not stop the cluster in $dir" >&2
  fi
  rm -rf -- "$dir"
}

[[ $# -eq 2 && -n "$2" ]] || usage
case "$1" in
  start) cmd_start "$2" ;;
  url) cmd_url "$2" ;;
  stop) cmd_stop "$2" ;;
  *) usage ;;
esac
