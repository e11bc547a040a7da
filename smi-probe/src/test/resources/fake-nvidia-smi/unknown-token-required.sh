#!/bin/sh
# memory.used could not be read.
echo "index, uuid, name, memory.total [MiB], memory.used [MiB], temperature.gpu"
echo "0, GPU-00000000, NVIDIA RTX 2000 Ada Generation, 16380, [Unknown Error], 61"
