#!/bin/sh
# The answer cut off in the middle of a line.
echo "index, uuid, name, memory.total [MiB], memory.used [MiB]"
printf '0, GPU-00000000, NVIDIA RTX 2000 Ada Generation, 16380, 67'
