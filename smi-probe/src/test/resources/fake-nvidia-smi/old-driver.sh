#!/bin/sh
# An old nvidia-smi that knows no encoder.stats fields and rejects them one at a time.
dir=$(dirname "$0")
echo run >> "$dir/runs"
for f in encoder.stats.sessionCount encoder.stats.averageFps encoder.stats.averageLatency; do
  case "$1" in
    *"$f"*)
      echo "Field \"$f\" is not a valid field to query."
      echo ""
      echo "Please run 'nvidia-smi --help' for usage information."
      exit 2;;
  esac
done
echo "index, name, memory.total [MiB], memory.used [MiB]"
echo "0, Tesla T4, 15360, 420"
