package dev.lobbygovernor.smi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nvidia-smi's failure texts and exit codes, as NVML.md lists them, mapped to causes. */
class SmiFailureClassifierTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Failed to initialize NVML: Unknown Error | INIT_FAILED",
        "Failed to initialize NVML: Insufficient Permissions | NO_PERMISSION",
        "Failed to initialize NVML: Driver/library version mismatch | VERSION_MISMATCH",
        "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the latest "
                + "NVIDIA driver is installed and running. | DRIVER_NOT_LOADED",
        "Unable to determine the device handle for GPU0000:01:00.0: GPU is lost.  Reboot the system | GPU_LOST",
        "NVIDIA-SMI couldn't find libnvidia-ml.so library in your system. | LIBRARY_MISSING",
        "Failed to initialize NVML: GPU access blocked by the operating system | INIT_FAILED",
    })
    void recognisesKnownFailureTexts(String text, ProbeFailureCause cause) {
        assertThat(SmiFailureClassifier.causeOf(text)).contains(cause);
        assertThat(SmiFailureClassifier.classify("nvidia-smi", OptionalInt.of(255), text).failureCause())
                .isEqualTo(cause);
    }

    @ParameterizedTest(name = "exit {0} -> {1}")
    @CsvSource({"9, DRIVER_NOT_LOADED", "15, GPU_LOST", "4, NO_PERMISSION", "18, VERSION_MISMATCH",
        "12, LIBRARY_MISSING", "255, UNKNOWN", "3, UNKNOWN", "1, UNKNOWN"})
    void classifiesUnrecognisedTextByExitCode(int exit, ProbeFailureCause cause) {
        ProbeException e = SmiFailureClassifier.classify("nvidia-smi", OptionalInt.of(exit), "something odd\n");
        assertThat(e.failureCause()).isEqualTo(cause);
        assertThat(e.getMessage()).contains("exited " + exit, "'something odd'");
        assertThat(e.rawMessage()).isEqualTo("something odd");
    }

    @Test
    void textOutranksTheExitCode() {
        ProbeException e = SmiFailureClassifier.classify("nvidia-smi", OptionalInt.of(9),
                "Failed to initialize NVML: Unknown Error");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
    }

    @Test
    void nvmlUnknownErrorCarriesTheContainerDeviceAccessHint() {
        ProbeException e = SmiFailureClassifier.recognize("doctor", "Failed to initialize NVML: Unknown Error\n")
                .orElseThrow();
        assertThat(e.getMessage()).contains("lost access to /dev/nvidia*", "Restart the container",
                "nvidia-ctk system create-dev-char-symlinks");
        assertThat(e.probeName()).isEqualTo("doctor");
        assertThat(e.rawMessage()).isEqualTo("Failed to initialize NVML: Unknown Error");
    }

    @Test
    void unrecognisedTextIsNotRecognised() {
        assertThat(SmiFailureClassifier.recognize("x", "index, name\n0, GPU\n")).isEmpty();
        assertThat(SmiFailureClassifier.causeOf("")).isEmpty();
    }

    @Test
    void insufficientPermissionsAsAFieldValueIsNotAFailureText() {
        assertThat(SmiFailureClassifier.causeOf("0, NVIDIA L40S, [Insufficient Permissions]")).isEmpty();
    }

    @Test
    void processThatPrintedNothingIsReportedAsSuch() {
        ProbeException e = SmiFailureClassifier.classify("nvidia-smi", OptionalInt.of(255), "");
        assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(e.getMessage()).contains("said nothing");
    }

    @Test
    void noDevicesAnswerIsRecognisedAsZeroGpusNotAFailure() {
        assertThat(SmiFailureClassifier.saysNoDevices("No devices were found\n")).isTrue();
        assertThat(SmiFailureClassifier.saysNoDevices("index, name\n")).isFalse();
        assertThat(SmiFailureClassifier.causeOf("No devices were found")).isEmpty();
    }
}
