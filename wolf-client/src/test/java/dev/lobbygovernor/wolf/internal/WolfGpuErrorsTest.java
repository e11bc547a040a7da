package dev.lobbygovernor.wolf.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wolf's gpu_stats error texts, classified. */
class WolfGpuErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "nvidia-smi exited with code 255|UNKNOWN",
        "Failed to initialize NVML: Unknown Error|INIT_FAILED",
        "Failed to initialize NVML: Insufficient Permissions|NO_PERMISSION",
        "Failed to initialize NVML: Driver/library version mismatch|VERSION_MISMATCH",
        "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.|DRIVER_NOT_LOADED",
        "Unexpected nvidia-smi output: expected 10 fields, got 1|MALFORMED_OUTPUT",
        "nvidia-smi exited with code 9|DRIVER_NOT_LOADED",
        "nvidia-smi exited with code 12|LIBRARY_MISSING",
        "nvidia-smi exited with code 15|GPU_LOST",
        "nvidia-smi exited with code 18|VERSION_MISMATCH",
        "nvidia-smi: command not found|LIBRARY_MISSING",
        "nvidia-smi timed out|TIMEOUT",
        "something new|UNKNOWN",
        "NVIDIA-SMI couldn't find libnvidia-ml.so library in your system.|LIBRARY_MISSING",
        "Unable to determine the device handle for GPU0000:01:00.0: GPU is lost.|GPU_LOST",
        "Failed to initialize NVML: NVML Shared Library Not Found|LIBRARY_MISSING",
        "Failed to initialize NVML: permission denied|NO_PERMISSION",
        "FAILED TO INITIALIZE NVML: UNKNOWN ERROR|INIT_FAILED",
    })
    void classifies(String error, ProbeFailureCause expected) {
        assertThat(WolfGpuErrors.classify(error)).isEqualTo(expected);
    }
}
