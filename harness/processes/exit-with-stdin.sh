#!/usr/bin/env bash
# Runs a command that does not watch its stdin (a Flink JVM) so that it still exits with the
# harness: when this script's stdin closes (the harness stopped it, or died, even by SIGKILL),
# the command gets SIGTERM, then SIGKILL 10 s later. Exits with the command's exit code.
exec 3<&0
"$@" </dev/null &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' TERM INT HUP
(
  while read -r _; do :; done
  kill -TERM "$child" 2>/dev/null || exit 0
  for _ in $(seq 1 40); do kill -0 "$child" 2>/dev/null || exit 0; sleep 0.25; done
  kill -KILL "$child" 2>/dev/null
) <&3 &
watcher=$!
exec 3<&-
# `wait` returns early when a trapped signal arrives: wait until the command really exits.
wait "$child"
code=$?
while kill -0 "$child" 2>/dev/null; do
  wait "$child"
  code=$?
done
kill "$watcher" 2>/dev/null
exit "$code"
