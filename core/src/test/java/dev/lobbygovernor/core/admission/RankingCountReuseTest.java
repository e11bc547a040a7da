package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Placement and status reuse a host's last count while what it was counted from is unchanged.
 * Each test changes one of those things without a new listing, and the count must follow.
 */
class RankingCountReuseTest {

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final FakeLobbyRuntime a = new FakeLobbyRuntime();
    private final FakeLobbyRuntime b = new FakeLobbyRuntime();

    private LobbyGovernor twoHostsCappedAtOne() {
        b.start("b-1", null);
        LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
                .host(Host.of("a", a, HostLimits.builder().staticCap(1).build()))
                .host(Host.of("b", b, HostLimits.builder().staticCap(1).build()))
                .build();
        governor.capacity("a");
        governor.capacity("b");
        return governor;
    }

    @Test
    void aReservationThatExpiresFreesItsSlotForRankingWithoutANewListing() {
        LobbyGovernor governor = twoHostsCappedAtOne();
        Permit held = governor.acquire(AdmissionRequest.forSession("held").onHost("a"));
        assertThat(held.hostId()).isEqualTo("a");
        AdmissionDeniedException full = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("second")));
        assertThat(full.hostsRefused()).isEqualTo(2);
        int listsBefore = a.listCalls();

        // the held permit never tried to create: its reservation stops counting at its expiry
        clock.advance(governor.config().permitTtl().plusSeconds(1));

        try (Permit granted = governor.acquire(AdmissionRequest.forSession("third"))) {
            assertThat(granted.hostId()).isEqualTo("a");
        }
        assertThat(a.listCalls()).isEqualTo(listsBefore + 1); // only the grant's confirmation listed it
    }

    @Test
    void aRecordSavedSinceTheLastCountIsCountedWithTheSameListing() {
        LobbyGovernor governor = twoHostsCappedAtOne();
        assertThat(governor.status().hosts().get(0).active()).isZero();

        // committed by another replica: not listed yet, but recent, so it counts
        store.saveLobby(new LobbyRecord("a-1", "a", "s", LobbyPin.of("1234"), clock.instant(), clock.instant()));

        assertThat(governor.status().hosts().get(0).active()).isEqualTo(1);
        AdmissionDeniedException full = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s2")));
        assertThat(full.hostsRefused()).isEqualTo(2);
    }

    @Test
    void aNewCapIsAppliedWithTheSameListingAndRecords() {
        LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
                .host(Host.of("a", a, HostLimits.builder().staticCap(5).build()))
                .build();
        governor.capacity("a");
        a.start("a-1", null);
        a.start("a-2", null);
        a.start("a-3", null);
        clock.advance(Duration.ofSeconds(2));
        governor.capacity("a"); // lists the three
        assertThat(governor.status().hosts().get(0).cap()).isEqualTo(5);

        // (3428 - 2048) / 460 = 3 lobbies fit: the same listing, a smaller cap
        governor.reportHealth(HealthReports.healthy("a", 3428, clock.instant()));

        assertThat(governor.status().hosts().get(0).cap()).isEqualTo(3);
        AdmissionDeniedException full = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s")));
        assertThat(full.reason()).isEqualTo(DenialReason.GPU_MEMORY);
    }
}
