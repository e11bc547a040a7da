package dev.lobbygovernor.nvml.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import org.junit.jupiter.api.Test;

/** The built-in return-code table works without the library and tolerates any code. */
class NvmlReturnTest {

    @Test
    void namesTheCodesNvmlDocuments() {
        assertThat(NvmlReturn.name(0)).isEqualTo("NVML_SUCCESS");
        assertThat(NvmlReturn.name(3)).isEqualTo("NVML_ERROR_NOT_SUPPORTED");
        assertThat(NvmlReturn.name(15)).isEqualTo("NVML_ERROR_GPU_IS_LOST");
        assertThat(NvmlReturn.name(18)).isEqualTo("NVML_ERROR_LIB_RM_VERSION_MISMATCH");
        assertThat(NvmlReturn.name(30)).isEqualTo("NVML_ERROR_RESET_TYPE_NOT_SUPPORTED");
        assertThat(NvmlReturn.name(999)).isEqualTo("NVML_ERROR_UNKNOWN");
        assertThat(NvmlReturn.describe(999)).isEqualTo("Unknown Error");
    }

    @Test
    void anyCodeHasANameAndADescription() {
        qt().forAll(integers().all()).checkAssert(code -> {
            assertThat(NvmlReturn.name(code)).isNotBlank();
            assertThat(NvmlReturn.describe(code)).isNotBlank();
            assertThat(NvmlReturn.cause(code, true)).isNotNull();
        });
    }

    @Test
    void codesNvmlHasNotDefinedAreNamedByNumberAndTreatedAsSessionFailures() {
        qt().forAll(integers().between(31, 998)).checkAssert(code -> {
            assertThat(NvmlReturn.name(code)).isEqualTo("NVML_RETURN_" + code);
            assertThat(NvmlReturn.fieldUnavailable(code)).isFalse();
            assertThat(NvmlReturn.sessionSuspect(code)).isTrue();
        });
    }

    @Test
    void notSupportedIsAnAbsentFieldButUnknownErrorIsNot() {
        assertThat(NvmlReturn.fieldUnavailable(NvmlReturn.NOT_SUPPORTED)).isTrue();
        assertThat(NvmlReturn.fieldUnavailable(NvmlReturn.NO_PERMISSION)).isTrue();
        assertThat(NvmlReturn.fieldUnavailable(NvmlReturn.UNKNOWN)).isFalse();
        assertThat(NvmlReturn.fieldUnavailable(NvmlReturn.GPU_IS_LOST)).isFalse();
    }

    @Test
    void theIncidentCodesMakeTheNextSampleReinitialise() {
        assertThat(NvmlReturn.sessionSuspect(NvmlReturn.UNINITIALIZED)).isTrue();
        assertThat(NvmlReturn.sessionSuspect(NvmlReturn.UNKNOWN)).isTrue();
        assertThat(NvmlReturn.sessionSuspect(NvmlReturn.GPU_IS_LOST)).isTrue();
        assertThat(NvmlReturn.sessionSuspect(NvmlReturn.NOT_SUPPORTED)).isFalse();
        assertThat(NvmlReturn.sessionSuspect(NvmlReturn.INSUFFICIENT_SIZE)).isFalse();
    }

    @Test
    void unknownErrorIsInitFailedDuringInitAndUnknownAfter() {
        assertThat(NvmlReturn.cause(999, true)).isEqualTo(ProbeFailureCause.INIT_FAILED);
        assertThat(NvmlReturn.cause(999, false)).isEqualTo(ProbeFailureCause.UNKNOWN);
        assertThat(NvmlReturn.cause(12, true)).isEqualTo(ProbeFailureCause.LIBRARY_MISSING);
        assertThat(NvmlReturn.cause(10, false)).isEqualTo(ProbeFailureCause.TIMEOUT);
    }
}
