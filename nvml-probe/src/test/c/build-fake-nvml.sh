#!/bin/sh
# Compiles the fake NVML variants the tests load (called by Maven in generate-test-resources).
#   $1 = source folder (src/test/c), $2 = output folder (target/fake-nvml)
set -eu
src=$1
out=$2
mkdir -p "$out/soname" "$out/devname"
cc=${CC:-gcc}
files="$src/fake_nvml.c $src/fake_nvml_device.c $src/fake_nvml_control.c $src/fake_nvml_events.c"
build() {
    # shellcheck disable=SC2086
    $cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra -Werror -shared -fPIC -pthread \
        "$@" $files
}
build -o "$out/libfake-nvml-full.so"
build -DFAKE_LEGACY -o "$out/libfake-nvml-legacy.so"
build -DFAKE_STRIDE32 -o "$out/libfake-nvml-stride32.so"
# Separate files (not links) under the real names, for the loader-path tests.
build -Wl,-soname,libnvidia-ml.so.1 -o "$out/soname/libnvidia-ml.so.1"
build -o "$out/devname/libnvidia-ml.so"
# A real shared library that is not NVML, for the "unusable library" test.
echo 'int not_nvml(void) { return 0; }' | $cc -shared -fPIC -x c -o "$out/libnot-nvml.so" -
