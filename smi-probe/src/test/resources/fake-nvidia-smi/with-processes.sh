#!/bin/sh
# Answers both the GPU query and the compute-apps query.
case "$1" in
  --query-gpu=*)
    echo "index, uuid, name, memory.total [MiB], memory.used [MiB]"
    echo "0, GPU-aaaa, NVIDIA L40S, 46068, 1235"
    echo "1, GPU-bbbb, NVIDIA L40S, 46068, 538";;
  --query-compute-apps=*)
    echo "gpu_uuid, pid, process_name, used_gpu_memory [MiB]"
    echo "GPU-aaaa, 20037, ffmpeg, 538"
    echo "GPU-aaaa, 20038, ffmpeg, 681"
    echo "GPU-bbbb, 20040, gst-launch-1.0, 512";;
  *) exit 2;;
esac
