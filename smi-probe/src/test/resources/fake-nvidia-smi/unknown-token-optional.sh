#!/bin/sh
# The temperature could not be read; the rest could.
echo "index, uuid, name, memory.total [MiB], memory.used [MiB], temperature.gpu"
echo "0, GPU-00000000, NVIDIA RTX 2000 Ada Generation, 16380, 6720, [Unknown Error]"
