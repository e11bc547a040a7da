#!/bin/sh
# nvidia-smi on a machine where it sees no GPU.
echo "No devices were found"
exit 6
