#!/bin/sh
# A failure that nvidia-smi explains on both streams: a banner on stdout, the error on stderr.
echo "NVIDIA-SMI version 550.54"
echo "Unable to determine the device handle" >&2
exit 3
