#!/bin/sh
# Until a file named "fixed" appears beside it, nvidia-smi cannot read GPU 0's temperature and
# fails the compute-apps query; once it appears, both answer.
dir=$(dirname "$0")
case "$1" in
  --query-gpu=*)
    if [ -e "$dir/fixed" ]; then t=52; else t="[Unknown Error]"; fi
    echo "index, uuid, name, memory.total [MiB], memory.used [MiB], temperature.gpu"
    echo "0, GPU-aaaa, NVIDIA L40S, 46068, 1235, $t";;
  --query-compute-apps=*)
    if [ ! -e "$dir/fixed" ]; then echo "Unable to query compute apps: Unknown Error"; exit 255; fi
    echo "gpu_uuid, pid, process_name, used_gpu_memory [MiB]"
    echo "GPU-aaaa, 20037, ffmpeg, 538";;
  *) exit 2;;
esac
