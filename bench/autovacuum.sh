# Sourced by bench/run and bench/steady. PostgreSQL's autovacuum off (as in some CI images) gives
# figures no deployment sees: the feed's outbox (a queue table) and every updated table bloat during
# the run, and the rates drift down.
autovacuum_setting() { # prints on or off; warns on stderr when off
  local setting
  setting=$(psql -h 127.0.0.1 -U postgres -Atc 'show autovacuum')
  if [ "$setting" != on ]; then
    echo "WARNING: autovacuum is off on this PostgreSQL: the feed's outbox and the updated tables bloat" \
      "during the run and the figures drift down. For figures a deployment would see, turn it on first:" \
      "psql -U postgres -c 'alter system set autovacuum = on' -c 'select pg_reload_conf()'" >&2
  fi
  echo "$setting"
}
