package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The reservation desk at its edges: a reused count ends exactly when a reservation expires, or
 * when the clock goes back; generated PINs use every digit and owe nothing to the reservation id,
 * which logs and events show; and status counts the listing alone while the store is down.
 */
class ReservationDeskEdgeTest {

    private static final String HOST = "wolf-1";

    private final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final FlakyStore store = new FlakyStore();
    /** Listings kept an hour, so only the records and the clock change between counts. */
    private final LobbyGovernor governor = LobbyGovernor.builder().store(store).clock(clock)
            .config(GovernorConfig.builder().runtimeListTtl(Duration.ofHours(1)).build())
            .host(Host.of(HOST, runtime, HostLimits.builder().staticCap(5).build())).build();

    private int reservedInStatus() {
        return governor.status().hosts().get(0).reserved();
    }

    @Test
    void aReusedCountStopsCountingAReservationExactlyAtItsExpiry() {
        Permit held = governor.acquire(AdmissionRequest.forSession("held"));
        Instant expiry = held.expiresAt();

        clock.set(expiry.minusMillis(1));
        assertThat(reservedInStatus()).isEqualTo(1);
        clock.set(expiry);
        assertThat(reservedInStatus()).isZero();
    }

    @Test
    void aCountMadeLaterIsNotReusedWhenTheClockGoesBack() {
        Permit held = governor.acquire(AdmissionRequest.forSession("held"));
        Instant expiry = held.expiresAt();

        clock.set(expiry);
        assertThat(reservedInStatus()).isZero();
        clock.set(expiry.minusMillis(1));
        assertThat(reservedInStatus()).as("the reservation still counts at that earlier time").isEqualTo(1);
    }

    @Test
    void generatedPinsUseEveryDigitAndAreNotDrawnFromTheReservationId() {
        Set<Integer> digitsSeen = new HashSet<>();
        Set<String> pins = new HashSet<>();
        int matchingTheId = 0;
        for (int i = 0; i < 60; i++) {
            Permit p = governor.acquire(AdmissionRequest.forSession("s" + i));
            ReservationRecord r = store.delegate.reservationsOnHost(HOST).stream()
                    .filter(x -> x.reservationId().equals(p.reservationId())).findFirst().orElseThrow();
            int[] pin = r.pin().digits();
            assertThat(pin).hasSize(AdmissionRequest.GENERATED_PIN_DIGITS);
            for (int d : pin) {
                digitsSeen.add(d);
            }
            pins.add(r.pin().reveal());
            byte[] id = HexFormat.of().parseHex(r.reservationId());
            boolean sameAsIdDigits = true;
            for (int k = 1; k < pin.length; k++) {
                sameAsIdDigits &= pin[k] == (id[id.length - k] & 0xff) % 10;
            }
            matchingTheId += sameAsIdDigits ? 1 : 0;
            p.close();
        }

        assertThat(digitsSeen).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(pins).as("sixty draws, sixty PINs, barring a one-in-thousands repeat").hasSizeGreaterThan(55);
        assertThat(matchingTheId).isLessThan(2);
    }

    @Test
    void statusCountsTheListingAloneWhileTheStoreIsDown() {
        runtime.start("a", null);
        runtime.start("b", null);
        store.delegate.saveLobby(new LobbyRecord("recorded-only", HOST, "s", null, clock.instant(), clock.instant()));
        governor.acquire(AdmissionRequest.forSession("held"));
        store.setDown(true);

        HostStatus status = governor.status().hosts().get(0);

        assertThat(status.active()).as("the listed lobbies: a lower bound").isEqualTo(2);
        assertThat(status.reserved()).isZero();
        assertThat(status.cap()).isEqualTo(5);
        assertThat(status.warningThreshold()).isEqualTo(4);
        assertThat(status.lobbies()).extracting(LobbyStatus::lobbyId).containsExactly("a", "b");
    }
}
