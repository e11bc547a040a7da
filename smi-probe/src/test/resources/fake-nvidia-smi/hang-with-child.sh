#!/bin/sh
# A wedged driver: never answers. The child shares the output pipes, so it must be killed too.
dir=$(dirname "$0")
echo run >> "$dir/runs"
sleep 300 &
echo $! > "$dir/child.pid"
echo $$ > "$dir/parent.pid"
wait
