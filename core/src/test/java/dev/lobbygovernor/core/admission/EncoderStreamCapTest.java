package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.GpuSamples;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoder session cap counts client streams as Wolf encodes them, once per connected client,
 * with one stream in reserve for each admitted lobby that has no client yet.
 */
class EncoderStreamCapTest {

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();

    private LobbyGovernor governor(HostLimits limits) {
        return LobbyGovernor.builder().store(store).clock(clock).host(Host.of("wolf-1", runtime, limits)).build();
    }

    private void commit(LobbyGovernor g, String lobbyId) {
        Permit p = g.acquire(AdmissionRequest.forSession("sess-" + lobbyId).withPin(LobbyPin.of("1234")));
        p.create(c -> runtime.create(lobbyId, c));
    }

    /** Lets the cached listing expire, so the next admission sees the clients as they are now. */
    private void relist() {
        clock.advance(Duration.ofSeconds(2));
    }

    private static HostLimits encoderCap(int sessions) {
        return HostLimits.builder().encoderSessionCap(sessions).build();
    }

    @Test
    void connectedClientsCountAsStreamsNotTheirLobby() {
        LobbyGovernor g = governor(encoderCap(4));
        commit(g, "party");
        runtime.setClients("party", 3);
        relist();
        commit(g, "quiet"); // 3 streams + this lobby's reserve = 4: fits

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("third")));

        assertThat(denied.reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);
        assertThat(denied.active()).isEqualTo(4);
        assertThat(denied.cap()).isEqualTo(4);
        assertThat(denied.getMessage()).contains("GPU video encoder limit reached (4/4 encoder sessions in use)");
    }

    @Test
    void aLobbyWithoutAClientKeepsOneStreamInReserve() {
        LobbyGovernor g = governor(encoderCap(2));
        commit(g, "a");
        g.acquire(AdmissionRequest.forSession("b"));

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("c")));

        assertThat(denied.reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);
        assertThat(denied.active()).isEqualTo(2);
    }

    @Test
    void clientsLeavingMakeRoomAgain() {
        LobbyGovernor g = governor(encoderCap(3));
        commit(g, "a");
        runtime.setClients("a", 3);
        relist();
        assertThat(catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("b"))).reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);

        runtime.setClients("a", 1);
        relist();

        try (Permit permit = g.acquire(AdmissionRequest.forSession("b"))) {
            assertThat(permit.hostId()).isEqualTo("wolf-1");
        }
    }

    @Test
    void theEncoderCapNoLongerShrinksTheLobbyCap() {
        LobbyGovernor g = governor(encoderCap(2));

        assertThat(g.capacity("wolf-1").cap()).isEqualTo(HostLimits.DEFAULT_STATIC_CAP);
    }

    /** Two GPUs with 3 NVENC sessions each, none of them the host's lobbies' (another program encodes). */
    private HostHealth twoBusyEncoders() {
        GpuSample sample = GpuSamples.of("nvml", clock.instant(),
                GpuSamples.device().index(0).encoderSessions(3).build(),
                GpuSamples.device().index(1).encoderSessions(3).build());
        return new HostHealth("wolf-1", HealthStatus.HEALTHY, true, sample, "nvml", List.of(), clock.instant());
    }

    @Test
    void perHostScopeCountsTheSessionsOfEveryGpuTogether() {
        LobbyGovernor g = governor(encoderCap(6));
        g.reportHealth(twoBusyEncoders());

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s")));

        assertThat(denied.reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);
        assertThat(denied.active()).isEqualTo(6);
    }

    @Test
    void perGpuScopeCountsTheBusiestGpuAlone() {
        LobbyGovernor g = governor(HostLimits.builder().encoderSessionCap(6).encoderCapScope(EncoderCapScope.PER_GPU)
                .build());
        g.reportHealth(twoBusyEncoders());

        try (Permit permit = g.acquire(AdmissionRequest.forSession("s"))) {
            assertThat(permit.hostId()).isEqualTo("wolf-1");
        }
    }

    @Test
    void scopeDefaultsToPerHost() {
        assertThat(HostLimits.defaults().encoderCapScope()).isEqualTo(EncoderCapScope.PER_HOST);
    }
}
