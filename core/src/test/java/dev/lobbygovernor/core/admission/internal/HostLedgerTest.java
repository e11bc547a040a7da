package dev.lobbygovernor.core.admission.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.core.admission.Permit;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger's counting rules that the governor-level tests cannot time precisely. */
class HostLedgerTest {

    private final HostLedger ledger = new HostLedger(5, LimitKind.STATIC, 4, false);

    private static Reservation granted(HostLedger on, long now, long ttl) {
        Reservation slot = new Reservation();
        assertThat(on.tryReserve(slot, now, ttl)).isNull();
        return slot;
    }

    private void commit(String lobbyId) {
        Reservation r = granted(ledger, 0, 1000);
        assertThat(ledger.beginCommit(r, 0)).isTrue();
        ledger.completeCommit(r, lobbyId);
    }

    @Test
    void listingThatStartedBeforeACommitDoesNotForgetTheCommittedLobby() {
        ListingMark mark = ledger.listingMark(); // the runtime is asked now, before the lobby exists
        commit("new-lobby");

        ledger.applyListing(Set.of(), mark);

        assertThat(ledger.counts(0).active()).isEqualTo(1);
    }

    @Test
    void listingThatStartedAfterACommitForgetsALobbyThatStopped() {
        commit("gone-lobby");
        ListingMark mark = ledger.listingMark();

        ledger.applyListing(Set.of(), mark);

        assertThat(ledger.counts(0).active()).isZero();
    }

    @Test
    void committedLobbyCountsOnceWhetherListedOrNot() {
        commit("a");
        ledger.applyListing(Set.of("a", "leaked"), ledger.listingMark());

        assertThat(ledger.counts(0).active()).isEqualTo(2);
    }

    @Test
    void expiredSlotIsSweptWhenTheHostLooksFull() {
        HostLedger one = new HostLedger(1, LimitKind.STATIC, 1, false);
        Reservation first = granted(one, 0, 100);

        Refusal second = one.tryReserve(new Reservation(), 100, 100);

        assertThat(second).isNull();
        assertThat(one.stateOf(first, 100)).isEqualTo(Permit.State.EXPIRED);
        assertThat(one.release(first)).isFalse();
        assertThat(one.counts(100).reserved()).isEqualTo(1);
    }

    @Test
    void fullLedgerRefusesWithItsNumbers() {
        HostLedger one = new HostLedger(1, LimitKind.GPU_MEMORY, 1, false);
        granted(one, 0, 100);

        assertThat(one.tryReserve(new Reservation(), 50, 100)).isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 1, 1));
    }

    @Test
    void committingSlotDoesNotExpire() {
        Reservation r = granted(ledger, 0, 100);
        ledger.beginCommit(r, 50);

        assertThat(ledger.counts(1_000).reserved()).isEqualTo(1);
        ledger.completeCommit(r, "slow-store-lobby");
        assertThat(ledger.counts(1_000).active()).isEqualTo(1);
    }

    @Test
    void releaseDuringACommitThatFailsReturnsTheSlot() {
        Reservation r = granted(ledger, 0, 100);
        ledger.beginCommit(r, 10);

        assertThat(ledger.release(r)).isFalse();
        ledger.abortCommit(r);

        assertThat(ledger.stateOf(r, 0)).isEqualTo(Permit.State.CLOSED);
        assertThat(ledger.counts(10).reserved()).isZero();
    }

    @Test
    void releaseDuringACommitThatSucceedsLetsTheCommitWin() {
        Reservation r = granted(ledger, 0, 100);
        ledger.beginCommit(r, 10);

        ledger.release(r);
        ledger.completeCommit(r, "kept");

        assertThat(ledger.stateOf(r, 0)).isEqualTo(Permit.State.COMMITTED);
        assertThat(ledger.counts(10).active()).isEqualTo(1);
    }

    @Test
    void aSlotTheListingFreesGoesToTheSlotOfferedWithIt() {
        HostLedger full = new HostLedger(2, LimitKind.STATIC, 1, false);
        ListingMark mark = full.listingMark();
        full.applyListing(Set.of("a", "b"), mark);
        Reservation offered = new Reservation();

        Refusal refusal = full.applyListingAndReserve(Set.of("b"), full.listingMark(), offered, 0, 1000);

        assertThat(refusal).isNull();
        assertThat(full.stateOf(offered, 0)).isEqualTo(Permit.State.OPEN);
        assertThat(full.tryReserve(new Reservation(), 0, 1000)).as("the freed slot is taken").isNotNull();
    }

    @Test
    void aListingThatFreesNothingAppliesAndRefusesTheSlotOfferedWithIt() {
        HostLedger full = new HostLedger(1, LimitKind.STATIC, 1, false);
        Reservation offered = new Reservation();

        Refusal refusal = full.applyListingAndReserve(Set.of("a"), full.listingMark(), offered, 0, 1000);

        assertThat(refusal).isEqualTo(new Refusal(LimitKind.STATIC, 1, 1));
        assertThat(full.stateOf(offered, 0)).isNull();
        assertThat(full.countedLobbies()).containsExactly("a");
    }

    @Test
    void aListingThatStartedBeforeTheOneAlreadyAppliedIsIgnored() {
        ListingMark older = ledger.listingMark();
        ListingMark newer = ledger.listingMark();
        assertThat(ledger.applyListing(Set.of("a", "leaked"), newer)).isTrue();

        assertThat(ledger.applyListing(Set.of(), older)).isFalse();

        assertThat(ledger.countedLobbies()).containsExactlyInAnyOrder("a", "leaked");
    }
}
