package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NVML failing is a typed, worded failure, and its recovery shows on the next sample. */
class NvmlFailureTest {

    @TempDir
    Path tmp;

    @Test
    void initReturning999IsInitFailedCarryingUnknownError() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).with("init_return", 999));
        try (NvmlGpuProbe probe = fake.probe()) {
            NvmlProbeException e = catchThrowableOfType(NvmlProbeException.class, probe::sample);

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(e.rawMessage()).isEqualTo("Unknown Error");
            assertThat(e.returnCode()).isEqualTo(999);
            assertThat(e.errorName()).isEqualTo("NVML_ERROR_UNKNOWN");
            assertThat(e.function()).isEqualTo("nvmlInit_v2");
            assertThat(e.probeName()).isEqualTo("nvml");
            assertThat(e.getMessage()).contains("NVML could not be initialised", "NVML_ERROR_UNKNOWN", "999",
                    "Unknown Error", "restart the container");
        }
    }

    @Test
    void callsFailingAfterSomeAnswersFailTheSampleThenRecoveryShowsOnTheNextSample() throws Exception {
        // The incident: NVML answers for a while, then every call (init included) says "Unknown Error".
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).with("fail_after_calls", 40));
        try (NvmlGpuProbe probe = fake.probe()) {
            int good = 0;
            NvmlProbeException failure = null;
            while (failure == null && good < 10) {
                try {
                    probe.sample();
                    good++;
                } catch (NvmlProbeException e) {
                    failure = e;
                }
            }
            NvmlProbeException reinitFailure = catchThrowableOfType(NvmlProbeException.class, probe::sample);
            fake.write(Control.devices(1));
            GpuSample recovered = probe.sample();

            assertThat(good).as("good samples before the failure").isPositive();
            assertThat(failure).isNotNull();
            assertThat(failure.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
            assertThat(failure.rawMessage()).isEqualTo("Unknown Error");
            assertThat(reinitFailure.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(reinitFailure.rawMessage()).isEqualTo("Unknown Error");
            assertThat(recovered.devices()).extracting(d -> d.name()).containsExactly("Fake GPU 0");
        }
    }

    @Test
    void everyGpuFailingIsAProbeExceptionNamingTheFunctionAndCode() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp,
                Control.devices(2).with("return.nvmlDeviceGetName", 999));
        try (NvmlGpuProbe probe = fake.probe()) {
            NvmlProbeException e = catchThrowableOfType(NvmlProbeException.class, probe::sample);

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.UNKNOWN);
            assertThat(e.function()).isEqualTo("nvmlDeviceGetName");
            assertThat(e.getMessage()).contains("on every GPU", "nvmlDeviceGetName", "NVML_ERROR_UNKNOWN");
        }
    }

    @Test
    void aLostGpuIsGpuLost() {
        assertThat(causeWhenEveryGpu("nvmlDeviceGetMemoryInfo_v2", 15)).isEqualTo(ProbeFailureCause.GPU_LOST);
    }

    @Test
    void initCodesMapToTheirTypedCauses() {
        assertThat(causeWhenInitReturns(9)).isEqualTo(ProbeFailureCause.DRIVER_NOT_LOADED);
        assertThat(causeWhenInitReturns(18)).isEqualTo(ProbeFailureCause.VERSION_MISMATCH);
        assertThat(causeWhenInitReturns(4)).isEqualTo(ProbeFailureCause.NO_PERMISSION);
        assertThat(causeWhenInitReturns(17)).isEqualTo(ProbeFailureCause.NO_PERMISSION);
    }

    @Test
    void anUnknownReturnCodeIsToleratedAndNamed() {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).with("init_return", 4711));
        try (NvmlGpuProbe probe = fake.probe()) {
            NvmlProbeException e = catchThrowableOfType(NvmlProbeException.class, probe::sample);

            assertThat(e.failureCause()).isEqualTo(ProbeFailureCause.INIT_FAILED);
            assertThat(e.errorName()).isEqualTo("NVML_RETURN_4711");
            assertThat(e.returnCode()).isEqualTo(4711);
        }
    }

    @Test
    void aFailedInitIsRetriedByTheNextSample() throws Exception {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).with("init_return", 999));
        try (NvmlGpuProbe probe = fake.probe()) {
            catchThrowableOfType(NvmlProbeException.class, probe::sample);
            fake.write(Control.devices(1));

            assertThat(probe.sample().devices()).hasSize(1);
            assertThat(fake.calls("nvmlInit_v2")).isEqualTo(2);
        }
        assertThat(fake.refcount()).isZero();
    }

    @Test
    void aFieldThatFailsHardIsNotMistakenForUnsupported() {
        // INVALID_ARGUMENT on a field is no "not supported": the GPU's reading is not trusted.
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp,
                Control.devices(1).with("return.nvmlDeviceGetTemperature", 2));
        try (NvmlGpuProbe probe = fake.probe()) {
            NvmlProbeException e = catchThrowableOfType(NvmlProbeException.class, probe::sample);

            assertThat(e.errorName()).isEqualTo("NVML_ERROR_INVALID_ARGUMENT");
        }
    }

    private ProbeFailureCause causeWhenInitReturns(int code) {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).with("init_return", code));
        try (NvmlGpuProbe probe = fake.probe()) {
            return catchThrowableOfType(NvmlProbeException.class, probe::sample).failureCause();
        }
    }

    private ProbeFailureCause causeWhenEveryGpu(String function, int code) {
        FakeNvml fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, Control.devices(1).with("return." + function, code));
        try (NvmlGpuProbe probe = fake.probe()) {
            return catchThrowableOfType(NvmlProbeException.class, probe::sample).failureCause();
        }
    }
}
