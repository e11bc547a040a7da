#!/bin/sh
# Answers and exits at once, but leaves a child behind that still holds stdout and stderr open.
dir=$(dirname "$0")
echo run >> "$dir/runs"
sleep 300 &
echo $! > "$dir/child.pid"
echo $! >> "$dir/children"
echo $$ > "$dir/parent.pid"
echo "index, name, memory.total [MiB], memory.used [MiB]"
echo "0, NVIDIA L40S, 46068, 1235"
# Exit only once the probe's pipe readers are waiting for more; a JVM that sees the exit between
# two reads closes the pipe itself, and the child's hold would go unnoticed.
sleep 0.3
