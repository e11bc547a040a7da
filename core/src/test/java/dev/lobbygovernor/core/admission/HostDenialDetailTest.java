package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.LogCapture;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a refusal on one named host says: the count it was refused at, whom it suggests closing,
 * the server it names, and the line it logs.
 */
class HostDenialDetailTest {

    private static final String HOST = "wolf-1";

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final FlakyStore store = new FlakyStore();

    private LobbyGovernor governor(int suggestionLimit) {
        return LobbyGovernor.builder().store(store).clock(clock)
                .config(GovernorConfig.builder().suggestionLimit(suggestionLimit).build())
                .host(Host.of(HOST, runtime, HostLimits.builder().staticCap(3).build())).build();
    }

    /** A running, recorded lobby, committed {@code ageMinutes} ago and last active {@code idleMinutes} ago. */
    private void running(String id, int ageMinutes, int idleMinutes) {
        runtime.start(id, null);
        store.delegate.saveLobby(new LobbyRecord(id, HOST, "s-" + id, null,
                clock.instant().minus(Duration.ofMinutes(ageMinutes)),
                clock.instant().minus(Duration.ofMinutes(idleMinutes))));
    }

    private AdmissionDeniedException refused(LobbyGovernor g) {
        return catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("new").onHost(HOST)));
    }

    @Test
    void aFullHostSuggestsItsLongestIdleLobbiesUpToTheLimit() {
        running("a", 50, 5);
        running("b", 40, 30);
        running("c", 30, 20);

        AdmissionDeniedException e = refused(governor(2));

        assertThat(e.reason()).isEqualTo(DenialReason.LOBBY_LIMIT);
        assertThat(e.active()).isEqualTo(3);
        assertThat(e.cap()).isEqualTo(3);
        assertThat(e.suggestions()).containsExactly(
                new IdleLobbySuggestion("b", Duration.ofMinutes(40), Duration.ofMinutes(30)),
                new IdleLobbySuggestion("c", Duration.ofMinutes(30), Duration.ofMinutes(20)));
    }

    @Test
    void aSuggestionLimitOfZeroSuggestsNothing() {
        running("a", 50, 5);
        running("b", 40, 30);
        running("c", 30, 20);

        assertThat(refused(governor(0)).suggestions()).isEmpty();
    }

    @Test
    void anUnreachableHostIsRefusedAtItsRecordedCountWithoutSuggestions() {
        running("a", 50, 5);
        running("b", 40, 30);
        runtime.setUnreachable(true);

        AdmissionDeniedException e = refused(governor(3));

        assertThat(e.reason()).isEqualTo(DenialReason.HOST_UNAVAILABLE);
        assertThat(e.active()).as("the records still count").isEqualTo(2);
        assertThat(e.cap()).isEqualTo(3);
        assertThat(e.suggestions()).as("closing a lobby does not make a host answer").isEmpty();
        assertThat(e.getMessage()).isEqualTo("Streaming host wolf-1 cannot be reached, so its lobbies cannot be "
                + "counted. Check that its streaming server is running, then try again.");
    }

    @Test
    void anUnreachableHostWhoseStoreIsDownTooIsRefusedAtItsLastListedCount() {
        LobbyGovernor g = governor(3);
        runtime.start("a", null);
        runtime.start("b", null);
        g.acquire(AdmissionRequest.forSession("first").onHost(HOST)).close();
        clock.advance(GovernorConfig.DEFAULT_RUNTIME_LIST_TTL);
        runtime.setUnreachable(true);
        store.setDown(true);

        AdmissionDeniedException e = refused(g);

        assertThat(e.reason()).isEqualTo(DenialReason.HOST_UNAVAILABLE);
        assertThat(e.active()).isEqualTo(2);
    }

    @Test
    void aServerThatReportsItCannotCreatePipelinesIsNamedInTheRefusal() {
        LobbyGovernor g = governor(3);
        g.reportHealth(serverCritical("wolf"));

        AdmissionDeniedException e = refused(g);

        assertThat(e.reason()).isEqualTo(DenialReason.SERVER_UNHEALTHY);
        assertThat(e.getMessage()).startsWith("Wolf on host wolf-1 reports that it cannot create new pipelines (wolf's");
        assertThat(e.suggestions()).isEmpty();
    }

    @Test
    void aServerWithoutANameIsCalledTheStreamingServer() {
        LobbyGovernor g = governor(3);
        g.reportHealth(serverCritical(" "));

        assertThat(refused(g).getMessage())
                .startsWith("The streaming server on host wolf-1 reports that it cannot create new pipelines");
    }

    @Test
    void aRefusalIsLoggedOnceWithItsNumbers() {
        running("a", 50, 5);
        running("b", 40, 30);
        running("c", 30, 20);
        LobbyGovernor g = governor(3);

        try (LogCapture logs = LogCapture.of("dev.lobbygovernor.core.admission.internal.Denials")) {
            refused(g);

            assertThat(logs.at(Level.INFO)).hasSize(1);
            assertThat(logs.renderedLines().get(0)).startsWith("INFO Lobby refused: GPU resource limit reached (3/3")
                    .contains("session=new", "host=wolf-1", "reason=LOBBY_LIMIT", "active=3", "cap=3",
                            "health=UNKNOWN");
        }
    }

    private HostHealth serverCritical(String source) {
        HostHealth healthy = HealthReports.healthy(HOST, 24_000, clock.instant());
        return new HostHealth(HOST, HealthStatus.EXHAUSTED, true, healthy.lastGoodSample(), "nvml",
                List.of(new HealthReason.ServerCritical(source, "degraded", true)), clock.instant());
    }
}
