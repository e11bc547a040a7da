package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which host is tried next when the first choice refuses after all: hosts that answer before
 * hosts that may hang, each group least loaded first; hosts full or refusing by their last listing
 * are not asked again; and a fleet refusal names the host closest to admitting.
 */
class PlacementRankingTest {

    private static final HostLimits CAP_5 = HostLimits.builder().staticCap(5).build();

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final Map<String, FakeLobbyRuntime> runtimes = new LinkedHashMap<>();

    private LobbyGovernor governor(GovernorConfig config, String... ids) {
        LobbyGovernor.Builder b = LobbyGovernor.builder().store(store).clock(clock).config(config);
        for (String id : ids) {
            FakeLobbyRuntime r = new FakeLobbyRuntime();
            runtimes.put(id, r);
            b.host(Host.of(id, r, CAP_5));
        }
        return b.build();
    }

    private LobbyGovernor governor(String... ids) {
        return governor(GovernorConfig.defaults(), ids);
    }

    private FakeLobbyRuntime runtime(String id) {
        return runtimes.get(id);
    }

    /** Starts {@code n} unrecorded lobbies on {@code host}. */
    private void run(String host, int n) {
        for (int i = 0; i < n; i++) {
            runtime(host).start(host + "-" + runtime(host).size(), null);
        }
    }

    private void listEveryHost(LobbyGovernor g) {
        g.status();
    }

    private void staleListings() {
        clock.advance(GovernorConfig.DEFAULT_RUNTIME_LIST_TTL);
    }

    /** Makes {@code hosts} fail a listing now and be due for another once the TTL has passed. */
    private void failOnce(LobbyGovernor g, String... hosts) {
        for (String h : hosts) {
            runtime(h).setUnreachable(true);
        }
        g.status();
        for (String h : hosts) {
            runtime(h).setUnreachable(false);
        }
    }

    private String place(LobbyGovernor g) {
        return g.acquire(AdmissionRequest.forSession("s")).hostId();
    }

    @Test
    void whenTheFirstChoiceTurnsOutFullTheLeastLoadedOfTheOthersIsTried() {
        LobbyGovernor g = governor("first", "busier", "quieter");
        run("busier", 2);
        run("quieter", 1);
        listEveryHost(g);
        run("first", 5); // not in its last listing: it looks empty until asked
        staleListings();

        assertThat(place(g)).isEqualTo("quieter");
    }

    @Test
    void hostsThatAnswerAreTriedBeforeHostsThatMayHangHoweverLoaded() {
        LobbyGovernor g = governor("first", "ready", "later");
        run("ready", 3);
        listEveryHost(g);
        staleListings();
        failOnce(g, "later");
        run("first", 5);
        staleListings();

        assertThat(place(g)).isEqualTo("ready");
    }

    @Test
    void hostsThatMayHangAreTriedLeastLoadedFirst() {
        LobbyGovernor g = governor("first", "busier", "quieter");
        run("busier", 2);
        run("quieter", 1);
        listEveryHost(g);
        staleListings();
        failOnce(g, "busier", "quieter");
        run("first", 5);
        staleListings();

        assertThat(place(g)).isEqualTo("quieter");
    }

    @Test
    void aHostFullExactlyAtItsCapByItsLastListingIsNotAskedAgain() {
        LobbyGovernor g = governor("full", "first");
        run("full", 5);
        listEveryHost(g);
        run("first", 5);
        staleListings();
        int asked = runtime("full").listCalls();

        AdmissionDeniedException e = catchThrowableOfType(AdmissionDeniedException.class, () -> place(g));

        assertThat(runtime("full").listCalls()).isEqualTo(asked);
        assertThat(e.perHost()).extracting(HostDenial::hostId).containsExactlyInAnyOrder("full", "first");
    }

    @Test
    void aHostThatRefusesEverythingIsNotAskedDuringPlacement() {
        LobbyGovernor g = governor(GovernorConfig.builder().blindAdmission(BlindAdmission.FAIL_CLOSED).build(),
                "blind", "seen");
        g.reportHealth(HealthReports.healthy("seen", 24_000, clock.instant()));
        run("seen", 1);
        listEveryHost(g);
        staleListings();
        int asked = runtime("blind").listCalls();

        assertThat(place(g)).isEqualTo("seen");
        assertThat(runtime("blind").listCalls()).isEqualTo(asked);
    }

    @Test
    void aFleetRefusalNamesABlindHostBeforeAnUnreachableOne() {
        LobbyGovernor g = governor(GovernorConfig.builder().blindAdmission(BlindAdmission.FAIL_CLOSED).build(),
                "unreachable", "blind");
        g.reportHealth(HealthReports.healthy("unreachable", 24_000, clock.instant()));
        runtime("unreachable").setUnreachable(true);

        AdmissionDeniedException e = catchThrowableOfType(AdmissionDeniedException.class, () -> place(g));

        assertThat(e.reason()).isEqualTo(DenialReason.MONITORING_LOST);
        assertThat(e.perHost()).extracting(HostDenial::reason)
                .containsExactly(DenialReason.MONITORING_LOST, DenialReason.HOST_UNAVAILABLE);
    }

    @Test
    void inAFleetRefusalOnlyAFullHostSuggestsLobbiesToClose() {
        LobbyGovernor g = governor(GovernorConfig.builder().blindAdmission(BlindAdmission.FAIL_CLOSED).build(),
                "blind", "full");
        g.reportHealth(HealthReports.healthy("full", 24_000, clock.instant()));
        for (String host : new String[] {"blind", "full"}) {
            for (int i = 0; i < 5; i++) {
                String id = host + "-" + i;
                runtime(host).start(id, null);
                store.saveLobby(new dev.lobbygovernor.store.LobbyRecord(id, host, "s-" + id, null, clock.instant(),
                        clock.instant()));
            }
        }

        AdmissionDeniedException e = catchThrowableOfType(AdmissionDeniedException.class, () -> place(g));

        assertThat(e.perHost()).extracting(HostDenial::hostId).containsExactly("full", "blind");
        assertThat(e.perHost().get(0).suggestions()).hasSize(3);
        assertThat(e.perHost().get(1).suggestions()).as("closing a lobby does not help a blind host").isEmpty();
    }

    @Test
    void theLastResortIsTriedOnAFullHostNotOnAnUnreachableOne() {
        LobbyGovernor g = governor(GovernorConfig.builder()
                .lastResort(LastResort.stopIdleLongerThan(Duration.ofMinutes(10))).build(), "down", "full");
        runtime("down").setUnreachable(true);
        for (int i = 0; i < 5; i++) {
            Permit p = g.acquire(AdmissionRequest.forSession("s" + i).onHost("full").withPin(LobbyPin.of("1234")));
            p.create(c -> runtime("full").create("l" + p.sessionId(), c));
        }
        clock.advance(Duration.ofMinutes(30));

        Permit p = g.acquire(AdmissionRequest.forSession("new"));

        assertThat(p.hostId()).isEqualTo("full");
        assertThat(runtime("full").size()).as("one idle lobby stopped").isEqualTo(4);
    }
}
