package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.health.HealthClassifier;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HealthThresholds;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.core.health.ProbeHistory;
import dev.lobbygovernor.core.health.ProbeOutcome;
import dev.lobbygovernor.nvml.FakeNvml.Control;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.Await;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hardware faults through the fake NVML: Xid events posted into the fake's event sets, and the
 * GPU state it reports, flow into the samples, the classifier and admission.
 */
class NvmlHardwareFaultTest {

    private static final String EVENT_THREAD = "lobby-governor-nvml-events-";

    @TempDir
    Path tmp;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final HealthClassifier classifier = new HealthClassifier(HealthThresholds.defaults());
    private FakeNvml fake;
    private NvmlGpuProbe probe;

    @AfterEach
    void closeProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    private NvmlGpuProbe start(Control control) throws Exception {
        fake = FakeNvml.load(FakeNvml.Variant.FULL, tmp, control);
        probe = NvmlGpuProbe.builder().libraryPath(fake.library()).clock(clock).build();
        probe.sample(); // the first sample starts the event thread
        return probe;
    }

    /** Posts an Xid once the probe's event set is registered for it, then waits until a sample shows it. */
    private GpuSample xid(int gpu, int xid) throws Exception {
        Await.until("the event thread registered GPU " + gpu, () -> fake.postEvent(gpu, FakeNvml.XID_EVENT, xid) == 1);
        Await.until("a sample shows Xid " + xid, () -> faults(sampleQuietly()).stream().anyMatch(f -> f.xid() == xid));
        return probe.sample();
    }

    private GpuSample sampleQuietly() {
        try {
            return probe.sample();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<GpuFault> faults(GpuSample sample) {
        return sample.devices().stream().flatMap(d -> d.faults().stream()).collect(Collectors.toList());
    }

    private HostHealth classify(GpuSample sample) {
        HostCapacity capacity = new HostCapacity(0, 5, 4);
        ProbeHistory history = classifier.record(ProbeHistory.empty(), ProbeOutcome.of(sample), capacity,
                clock.instant());
        return classifier.classify("wolf-1", history, capacity, clock.instant());
    }

    private static LobbyGovernor governor(HostHealth health) {
        LobbyGovernor governor = LobbyGovernor.builder().store(new InMemorySessionStore())
                .host(Host.of("wolf-1", new FakeLobbyRuntime())).build();
        governor.reportHealth(health);
        return governor;
    }

    private static List<HealthReason.GpuFaulted> gpuFaults(HostHealth health) {
        return health.reasons().stream().filter(HealthReason.GpuFaulted.class::isInstance)
                .map(HealthReason.GpuFaulted.class::cast).collect(Collectors.toList());
    }

    @Test
    void xidThatNeedsAResetMakesTheHostRefuseAdmissionThroughTheClassifier() throws Exception {
        start(Control.devices(1));

        HostHealth health = classify(xid(0, 79));

        assertThat(health.status()).isEqualTo(HealthStatus.EXHAUSTED);
        HealthReason.GpuFaulted reason = gpuFaults(health).get(0);
        assertThat(reason.gpuIndex()).isZero();
        assertThat(reason.gpuUuid()).isEqualTo("GPU-fa4e0000-0000-0000-0000-000000000000");
        assertThat(reason.fault().xid()).isEqualTo(79);
        assertThat(reason.fault().meaning()).isEqualTo("GPU has fallen off the bus");
        assertThat(reason.fault().action()).contains("reboot");
        assertThat(reason.outOfService()).isTrue();
        assertThat(reason.message()).contains("Xid 79").contains("out of service");
        AdmissionDeniedException denied = catchThrowableOfType(
                () -> governor(health).acquire(AdmissionRequest.forSession("s1")), AdmissionDeniedException.class);
        assertThat(denied.reason()).isEqualTo(DenialReason.GPU_FAULT);
        assertThat(denied.getMessage()).contains("hardware fault");
    }

    @Test
    void applicationXidIsReportedAgainstTheLobbiesAndTheGpuStaysAdmissible() throws Exception {
        start(Control.devices(1));

        HostHealth health = classify(xid(0, 13));

        assertThat(health.status()).isEqualTo(HealthStatus.WARNING);
        HealthReason.GpuFaulted reason = gpuFaults(health).get(0);
        assertThat(reason.fault().effect()).isEqualTo(GpuFault.Effect.APPLICATION);
        assertThat(reason.fault().meaning()).isEqualTo("Graphics Engine Exception");
        assertThat(reason.message()).startsWith("lobby application error");
        try (Permit permit = governor(health).acquire(AdmissionRequest.forSession("s1"))) {
            assertThat(permit).isNotNull();
        }
    }

    @Test
    void unknownXidIsReportedNeverIgnored() throws Exception {
        start(Control.devices(2));

        GpuSample sample = xid(1, 999);

        assertThat(sample.devices().get(0).faults()).isEmpty();
        GpuFault fault = sample.devices().get(1).faults().get(0);
        assertThat(fault.xid()).isEqualTo(999);
        assertThat(fault.meaning()).isEqualTo("unknown Xid");
        assertThat(fault.effect()).isEqualTo(GpuFault.Effect.DEGRADED);
        HostHealth health = classify(sample);
        assertThat(health.status()).isEqualTo(HealthStatus.WARNING);
        assertThat(gpuFaults(health)).extracting(HealthReason.GpuFaulted::gpuIndex).containsExactly(1);
    }

    @Test
    void gpuRecoversWhenItsRecoveryActionReadsNoneAfterTheSettleTime() throws Exception {
        start(Control.devices(1).device(0, "recovery_action", 1)); // the driver asks for a GPU reset
        xid(0, 109);
        assertThat(classify(probe.sample()).status()).isEqualTo(HealthStatus.EXHAUSTED);

        fake.apply("device.0.recovery_action", 0); // the GPU was reset
        assertThat(faults(probe.sample())).extracting(GpuFault::xid).containsExactly(109);
        clock.advance(NvmlGpuProbe.RECOVERY_SETTLE);
        GpuSample recovered = probe.sample();

        assertThat(faults(recovered)).isEmpty();
        HostHealth health = classify(recovered);
        assertThat(health.status()).isEqualTo(HealthStatus.HEALTHY);
        try (Permit permit = governor(health).acquire(AdmissionRequest.forSession("s1"))) {
            assertThat(permit).isNotNull();
        }
    }

    @Test
    void recoveryActionTheDriverReportsHoldsTheGpuWithoutAnyXid() throws Exception {
        start(Control.devices(1).device(0, "recovery_action", 2));

        GpuFault fault = faults(probe.sample()).get(0);

        assertThat(fault.xid()).isZero();
        assertThat(fault.meaning()).contains("NODE_REBOOT");
        assertThat(fault.effect()).isEqualTo(GpuFault.Effect.OUT_OF_SERVICE);
    }

    @Test
    void withoutARecoveryActionFieldAResetXidHoldsTheGpuUntilTheProbeCloses() throws Exception {
        start(Control.devices(1).device(0, "recovery_action", "na"));
        xid(0, 79);

        clock.advance(Duration.ofHours(6));

        assertThat(faults(probe.sample())).extracting(GpuFault::xid).containsExactly(79);
    }

    @Test
    void applicationXidLeavesTheSamplesAfterTheRecentWindow() throws Exception {
        start(Control.devices(1));
        xid(0, 31);

        clock.advance(NvmlGpuProbe.RECENT_FAULTS);

        assertThat(faults(probe.sample())).isEmpty();
    }

    @Test
    void rowRemappingPendingAndEccErrorsAreReadFromTheGpuState() throws Exception {
        start(Control.devices(1).device(0, "remapped_rows", "0,2,1,0").device(0, "ecc_uncorrected", 3));

        List<GpuFault> faults = faults(probe.sample());

        assertThat(faults).extracting(GpuFault::meaning)
                .containsExactly("row remapping pending", "3 uncorrectable ECC errors since the driver loaded");
        assertThat(faults).extracting(GpuFault::effect)
                .containsExactly(GpuFault.Effect.OUT_OF_SERVICE, GpuFault.Effect.DEGRADED);
    }

    @Test
    void unsupportedFaultQueriesAreNotFaults() throws Exception {
        start(Control.devices(1).device(0, "recovery_action", "na")
                .with("return.nvmlDeviceGetRemappedRows", 3)
                .with("return.nvmlDeviceGetRetiredPagesPendingStatus", 3)
                .with("return.nvmlDeviceGetTotalEccErrors", 3)
                .device(0, "supported_events", 0));

        GpuSample sample = probe.sample();

        assertThat(faults(sample)).isEmpty();
        assertThat(probe.eventWatchProblem()).isEmpty();
        assertThat(classify(sample).status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void oneEventThreadPerProbeAndNoneLeftAfterClose() throws Exception {
        start(Control.devices(1));
        probe.sample();
        probe.sample();
        Await.until("the event set is registered", () -> fake.liveEventSets() == 1);
        assertThat(eventThreads()).hasSize(1).allMatch(Thread::isDaemon);

        probe.close();

        assertThat(eventThreads()).isEmpty();
        assertThat(fake.liveEventSets()).isZero();
    }

    @Test
    void failedEventWaitIsATypedLoggedProblemAndSamplingGoesOn() throws Exception {
        start(Control.devices(1));
        Await.until("the event set is registered", () -> fake.liveEventSets() == 1);

        try (LogCapture logs = LogCapture.library()) {
            fake.failEventWait(15);
            Await.until("the probe reports the failed watch", () -> probe.eventWatchProblem().isPresent());

            NvmlProbeException problem = probe.eventWatchProblem().orElseThrow();
            assertThat(problem.returnCode()).isEqualTo(15);
            assertThat(problem.errorName()).isEqualTo("NVML_ERROR_GPU_IS_LOST");
            assertThat(problem.function()).isEqualTo("nvmlEventSetWait_v2");
            Await.until("the failure is logged", () -> logs.at(Level.WARN).stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("nvmlEventSetWait_v2")));
        }
        assertThat(eventThreads()).hasSize(1);
        fake.failEventWait(0);
        GpuSample sample = probe.sample();
        assertThat(sample.devices()).hasSize(1);
        assertThat(faults(sample)).extracting(GpuFault::meaning)
                .anyMatch(m -> m.startsWith("hardware fault (Xid) events cannot be read"));
    }

    private static List<Thread> eventThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(EVENT_THREAD) && t.isAlive()).collect(Collectors.toList());
    }
}
