package dev.lobbygovernor.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ledger's counting rules that the governor-level tests cannot time precisely. */
class HostLedgerTest {

    private final HostLedger ledger = new HostLedger(5, LimitKind.STATIC, 4, false);

    private static final class TestSlot extends Slot {
    }

    private static TestSlot granted(HostLedger on, long now, long ttl) {
        TestSlot slot = new TestSlot();
        assertThat(on.tryReserve(slot, now, ttl)).isNull();
        return slot;
    }

    private void commit(String lobbyId) {
        TestSlot r = granted(ledger, 0, 1000);
        assertThat(ledger.beginCommit(r, 0)).isEqualTo(SlotState.COMMITTING);
        ledger.completeCommit(r, lobbyId);
    }

    @Test
    void listingThatStartedBeforeACommitDoesNotForgetTheCommittedLobby() {
        long mark = ledger.listingMark(); // the runtime is asked now, before the lobby exists
        commit("new-lobby");

        ledger.applyListing(Set.of(), mark);

        assertThat(ledger.counts(0).active()).isEqualTo(1);
    }

    @Test
    void listingThatStartedAfterACommitForgetsALobbyThatStopped() {
        commit("gone-lobby");
        long mark = ledger.listingMark();

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
        TestSlot first = granted(one, 0, 100);

        Refusal second = one.tryReserve(new TestSlot(), 100, 100);

        assertThat(second).isNull();
        assertThat(one.stateOf(first)).isEqualTo(SlotState.EXPIRED);
        assertThat(one.release(first)).isFalse();
        assertThat(one.counts(100).reserved()).isEqualTo(1);
    }

    @Test
    void fullLedgerRefusesWithItsNumbers() {
        HostLedger one = new HostLedger(1, LimitKind.GPU_MEMORY, 1, false);
        granted(one, 0, 100);

        assertThat(one.tryReserve(new TestSlot(), 50, 100)).isEqualTo(new Refusal(LimitKind.GPU_MEMORY, 1, 1));
    }

    @Test
    void committingSlotDoesNotExpire() {
        TestSlot r = granted(ledger, 0, 100);
        ledger.beginCommit(r, 50);

        assertThat(ledger.counts(1_000).reserved()).isEqualTo(1);
        ledger.completeCommit(r, "slow-store-lobby");
        assertThat(ledger.counts(1_000).active()).isEqualTo(1);
    }

    @Test
    void releaseDuringACommitThatFailsReturnsTheSlot() {
        TestSlot r = granted(ledger, 0, 100);
        ledger.beginCommit(r, 10);

        assertThat(ledger.release(r)).isFalse();
        ledger.abortCommit(r);

        assertThat(ledger.stateOf(r)).isEqualTo(SlotState.RELEASED);
        assertThat(ledger.counts(10).reserved()).isZero();
    }

    @Test
    void releaseDuringACommitThatSucceedsLetsTheCommitWin() {
        TestSlot r = granted(ledger, 0, 100);
        ledger.beginCommit(r, 10);

        ledger.release(r);
        ledger.completeCommit(r, "kept");

        assertThat(ledger.stateOf(r)).isEqualTo(SlotState.COMMITTED);
        assertThat(ledger.counts(10).active()).isEqualTo(1);
    }

    @Test
    void aSlotTheListingFreesGoesToTheSlotOfferedWithIt() {
        HostLedger full = new HostLedger(2, LimitKind.STATIC, 1, false);
        long mark = full.listingMark();
        full.applyListing(Set.of("a", "b"), mark);
        TestSlot offered = new TestSlot();

        Refusal refusal = full.applyListingAndReserve(Set.of("b"), full.listingMark(), offered, 0, 1000);

        assertThat(refusal).isNull();
        assertThat(full.stateOf(offered)).isEqualTo(SlotState.OPEN);
        assertThat(full.tryReserve(new TestSlot(), 0, 1000)).as("the freed slot is taken").isNotNull();
    }

    @Test
    void aListingThatFreesNothingAppliesAndRefusesTheSlotOfferedWithIt() {
        HostLedger full = new HostLedger(1, LimitKind.STATIC, 1, false);
        TestSlot offered = new TestSlot();

        Refusal refusal = full.applyListingAndReserve(Set.of("a"), full.listingMark(), offered, 0, 1000);

        assertThat(refusal).isEqualTo(new Refusal(LimitKind.STATIC, 1, 1));
        assertThat(full.stateOf(offered)).isNull();
        assertThat(full.countedLobbies()).containsExactly("a");
    }
}
