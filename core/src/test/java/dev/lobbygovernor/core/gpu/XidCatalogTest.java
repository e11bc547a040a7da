package dev.lobbygovernor.core.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each Xid means for admission, from NVIDIA's catalog. */
class XidCatalogTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<Integer> APPLICATION = Set.of(13, 31, 43, 45, 68);
    private static final Set<Integer> RESET_OR_REBOOT = Set.of(64, 79, 95, 109, 119, 120);

    @Test
    void applicationXidsAreReportedAgainstTheLobbies() {
        for (int xid : APPLICATION) {
            assertThat(XidCatalog.fault(xid, AT).effect()).as("Xid %d", xid).isEqualTo(GpuFault.Effect.APPLICATION);
        }
    }

    @Test
    void xidsWhoseActionIsAResetOrRebootTakeTheGpuOutOfService() {
        for (int xid : RESET_OR_REBOOT) {
            GpuFault fault = XidCatalog.fault(xid, AT);
            assertThat(fault.effect()).as("Xid %d", xid).isEqualTo(GpuFault.Effect.OUT_OF_SERVICE);
            assertThat(fault.action()).as("Xid %d", xid).containsAnyOf("reset the GPU", "reboot");
        }
    }

    @Test
    void theDecoderExceptionIsNotMistakenForTheEncoder() {
        assertThat(XidCatalog.fault(68, AT).meaning()).contains("NVDEC0").contains("decoder");
    }

    @Test
    void everyXidIsReportedWithItsNumberAndAnAction() {
        qt().forAll(integers().between(1, 100_000)).checkAssert(xid -> {
            GpuFault fault = XidCatalog.fault(xid, AT);
            assertThat(fault.xid()).isEqualTo(xid);
            assertThat(fault.action()).isNotBlank();
            assertThat(fault.describe()).contains("Xid " + xid);
            assertThat(fault.effect() == GpuFault.Effect.OUT_OF_SERVICE).isEqualTo(RESET_OR_REBOOT.contains(xid));
            if (!XidCatalog.knows(xid)) {
                assertThat(fault.meaning()).isEqualTo("unknown Xid");
                assertThat(fault.effect()).isEqualTo(GpuFault.Effect.DEGRADED);
            }
        });
    }

    @Test
    void theDriversUnknownXidIsReportedAsUnknown() {
        GpuFault fault = XidCatalog.fault(999, AT);
        assertThat(fault.meaning()).isEqualTo("unknown Xid");
        assertThat(fault.effect()).isEqualTo(GpuFault.Effect.DEGRADED);
    }

    @Test
    void rejectsANumberNoXidHas() {
        assertThatThrownBy(() -> XidCatalog.fault(0, AT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
    @Test
    void theCatalogKnowsTheXidsItListsAndNoOthers() {
        assertThat(XidCatalog.knows(43)).isTrue();
        assertThat(XidCatalog.knows(45)).isTrue();
        assertThat(XidCatalog.knows(999)).isFalse();
        assertThat(XidCatalog.fault(43, AT).meaning()).isEqualTo("GPU stopped processing");
    }
}
