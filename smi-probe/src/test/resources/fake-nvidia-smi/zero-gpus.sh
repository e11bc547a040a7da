#!/bin/sh
# A header and no GPU lines.
echo "index, uuid, name, memory.total [MiB], memory.used [MiB]"
