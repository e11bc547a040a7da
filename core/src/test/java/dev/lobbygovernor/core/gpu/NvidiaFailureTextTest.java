package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** NVIDIA's failure texts (NVML.md) classified in one place, and the advice per cause. */
class NvidiaFailureTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Failed to initialize NVML: Unknown Error | INIT_FAILED",
        "Failed to initialize NVML: Insufficient Permissions | NO_PERMISSION",
        "Failed to initialize NVML: Driver/library version mismatch | VERSION_MISMATCH",
        "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. | DRIVER_NOT_LOADED",
        "Unable to determine the device handle for GPU0000:01:00.0: GPU is lost.  Reboot the system | GPU_LOST",
        "GPU has fallen off the bus | GPU_LOST",
        "NVIDIA-SMI couldn't find libnvidia-ml.so library in your system. | LIBRARY_MISSING",
        "NVML Shared Library Not Found | LIBRARY_MISSING",
        "Failed to initialize NVML: GPU access blocked by the operating system | INIT_FAILED",
    })
    void classifiesEveryKnownFailureText(String text, ProbeFailureCause cause) {
        assertThat(NvidiaFailureText.classify(text)).isEqualTo(cause);
        assertThat(NvidiaFailureText.recognize(text)).contains(cause);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "FAILED TO INITIALIZE NVML: UNKNOWN ERROR | INIT_FAILED",
        "failed to initialize nvml: insufficient permissions | NO_PERMISSION",
        "DRIVER/LIBRARY VERSION MISMATCH | VERSION_MISMATCH",
        "Couldn't Communicate With The Nvidia Driver | DRIVER_NOT_LOADED",
        "gpu IS lost | GPU_LOST",
        "COULDN'T FIND LIBNVIDIA-ML.SO | LIBRARY_MISSING",
    })
    void ignoresCase(String text, ProbeFailureCause cause) {
        assertThat(NvidiaFailureText.classify(text)).isEqualTo(cause);
    }

    @Test
    void ignoresCaseUnderATurkishDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(new Locale("tr", "TR"));
            // Under tr, "I".toLowerCase() is a dotless i; ROOT keeps "INITIALIZE" matching.
            assertThat(NvidiaFailureText.classify("FAILED TO INITIALIZE NVML"))
                    .isEqualTo(ProbeFailureCause.INIT_FAILED);
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void specificNvmlInitFailureOutranksTheGenericOne() {
        // Each contains "Failed to initialize NVML", which alone would be INIT_FAILED.
        assertThat(NvidiaFailureText.classify("Failed to initialize NVML: Insufficient Permissions"))
                .isEqualTo(ProbeFailureCause.NO_PERMISSION);
        assertThat(NvidiaFailureText.classify("Failed to initialize NVML: Driver/library version mismatch"))
                .isEqualTo(ProbeFailureCause.VERSION_MISMATCH);
        assertThat(NvidiaFailureText.classify("Failed to initialize NVML: NVML Shared Library Not Found"))
                .isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
    }

    @Test
    void mostSpecificRuleWinsWhereverItStandsInTheText() {
        String output = "Failed to initialize NVML\n"
                + "Details: Failed to initialize NVML: Driver/library version mismatch\n";
        assertThat(NvidiaFailureText.classify(output)).isEqualTo(ProbeFailureCause.VERSION_MISMATCH);
    }

    @Test
    void unknownTextIsUnknown() {
        assertThat(NvidiaFailureText.classify("something new went wrong")).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(NvidiaFailureText.recognize("something new went wrong")).isEmpty();
        assertThat(NvidiaFailureText.classify("")).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(NvidiaFailureText.classify(null)).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(NvidiaFailureText.recognize(null)).isEmpty();
    }

    @Test
    void fieldValuesOfAWorkingGpuAreNotFailureTexts() {
        // nvidia-smi prints these for one unreadable field; the tool itself worked.
        assertThat(NvidiaFailureText.recognize("0, NVIDIA L40S, [Insufficient Permissions]")).isEmpty();
        assertThat(NvidiaFailureText.recognize("0, NVIDIA L40S, [Unknown Error]")).isEmpty();
        assertThat(NvidiaFailureText.recognize("No devices were found")).isEmpty();
    }

    @Test
    void classifyAgreesWithRecognizeOnAnyText() {
        qt().forAll(strings().allPossible().ofLengthBetween(0, 80))
                .check(text -> NvidiaFailureText.classify(text)
                        == NvidiaFailureText.recognize(text).orElse(ProbeFailureCause.UNKNOWN));
    }

    @Test
    void nvmlUnknownErrorAtInitGetsTheContainerDeviceHint() {
        String text = "Failed to initialize NVML: Unknown Error";
        ProbeFailureCause cause = NvidiaFailureText.classify(text);

        assertThat(NvidiaFailureText.meansLostDeviceAccess(cause, text)).isTrue();
        assertThat(NvidiaFailureText.hint(cause, text)).isEqualTo(NvidiaFailureText.CONTAINER_DEVICE_HINT);
    }

    @Test
    void containerDeviceHintStatesTheKnownCauseAndEveryRemedy() {
        assertThat(NvidiaFailureText.CONTAINER_DEVICE_HINT).contains(
                "lost access to the GPU device nodes (/dev/nvidia*)", "systemd cgroup driver",
                "systemctl daemon-reload", "GPU work keeps running", "Restart the container",
                "nvidia-ctk system create-dev-char-symlinks --create-all", "cgroupfs driver", "--device", "CDI");
    }

    @Test
    void otherInitFailuresGetTheGenericInitHint() {
        String text = "Failed to initialize NVML: GPU access blocked by the operating system";

        assertThat(NvidiaFailureText.meansLostDeviceAccess(ProbeFailureCause.INIT_FAILED, text)).isFalse();
        assertThat(NvidiaFailureText.hint(ProbeFailureCause.INIT_FAILED, text))
                .isEqualTo(NvidiaFailureText.hint(ProbeFailureCause.INIT_FAILED));
    }

    @Test
    void unknownErrorUnderAnotherCauseIsNotLostDeviceAccess() {
        assertThat(NvidiaFailureText.meansLostDeviceAccess(ProbeFailureCause.UNKNOWN, "[Unknown Error]")).isFalse();
        assertThat(NvidiaFailureText.meansLostDeviceAccess(ProbeFailureCause.INIT_FAILED, null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ProbeFailureCause.class)
    void everyCauseHasItsOwnNonBlankHint(ProbeFailureCause cause) {
        String hint = NvidiaFailureText.hint(cause);
        assertThat(hint).isNotBlank().endsWith(".");
        Set<ProbeFailureCause> others = EnumSet.complementOf(EnumSet.of(cause));
        assertThat(others).allSatisfy(other -> assertThat(NvidiaFailureText.hint(other)).isNotEqualTo(hint));
    }

    @Test
    void hintsSayWhatToDo() {
        assertThat(NvidiaFailureText.hint(ProbeFailureCause.VERSION_MISMATCH)).contains("reboot");
        assertThat(NvidiaFailureText.hint(ProbeFailureCause.GPU_LOST)).contains("reset the GPU");
        assertThat(NvidiaFailureText.hint(ProbeFailureCause.LIBRARY_MISSING)).contains("install the NVIDIA driver");
        assertThat(NvidiaFailureText.hint(ProbeFailureCause.NO_PERMISSION)).contains("/dev/nvidia*");
        assertThat(NvidiaFailureText.hint(ProbeFailureCause.DRIVER_NOT_LOADED)).contains("lsmod | grep nvidia");
    }
}
