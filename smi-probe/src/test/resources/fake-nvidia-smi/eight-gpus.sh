#!/bin/sh
# Answers like nvidia-smi --format=csv (units in the values), columns in its own order.
printf '%s\n' "$@" > "$(dirname "$0")/args.txt"
echo "name, index, memory.used [MiB], memory.total [MiB], encoder.stats.sessionCount, temperature.gpu, uuid, power.draw [W]"
for i in 0 1 2 3 4 5 6 7; do
  echo "NVIDIA L40S, $i, $((1000 + i)) MiB, 46068 MiB, $((i % 3)), $((40 + i)), GPU-0000000$i, 7$i.25 W"
done
