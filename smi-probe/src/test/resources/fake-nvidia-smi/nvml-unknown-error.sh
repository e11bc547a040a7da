#!/bin/sh
# A container that lost /dev/nvidia* after a systemd daemon-reload.
echo "Failed to initialize NVML: Unknown Error" >&2
exit 255
