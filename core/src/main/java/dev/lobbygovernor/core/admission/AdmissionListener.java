package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;

/**
 * Hears what admission decides and how each permit ends. Every method has a no-op default:
 * implement the ones you need, and add the listener with
 * {@link LobbyGovernor.Builder#listener}.
 *
 * <p><b>Pairing.</b> Each {@link LobbyGovernor#acquire} ends in exactly one
 * {@link #onGranted} or one {@link #onRefused}. In this process, each granted permit then ends in
 * at most one of:
 * <ul>
 *   <li>{@link #onCommitted}: the lobby is recorded and counts as a lobby now;
 *   <li>{@link #onReleased}: closed before any create attempt, its slot free at once;
 *   <li>{@link #onExpired}: found past its deadline before a create attempt, or its reservation
 *       was gone when it tried to go on; its slot is free;
 *   <li>{@link #onUnresolved}: closed after a create attempt without a commit; the slot stays
 *       counted until cleanup reconciles the reservation, heard as {@link #onReconciled}.
 * </ul>
 * A permit that is never closed hears none of these until cleanup removes its reservation,
 * which is heard as {@code onReconciled} (with the reaper's listener set to a
 * {@link ReconciliationRelay}).
 *
 * <p><b>Threads.</b> {@code onGranted} and {@code onRefused} come on the thread that called
 * {@code acquire}, after the decision is final; a permit's events come on the thread that
 * called the permit, while the permit is locked, so a listener must not call back into the
 * permit. {@code onReconciled} comes on the reaper's thread.
 *
 * <p><b>Secrets.</b> No event carries a lobby's PIN: {@link PermitEvent} holds ids and numbers
 * only, and a denial holds none.
 *
 * <p>Listeners should return quickly and must not throw. An exception is caught and logged
 * (at WARN with its stack trace the first time a listener throws from a method, at DEBUG after
 * that), the other listeners still hear the event, and admission goes on as if nobody listened.
 */
public interface AdmissionListener {

    /** A listener that ignores everything. */
    AdmissionListener NONE = new AdmissionListener() {
    };

    /**
     * A slot was granted and its reservation recorded.
     *
     * @param event the permit's host, session, reservation and the count and cap after the grant
     */
    default void onGranted(PermitEvent event) {
    }

    /**
     * No host could take the lobby.
     *
     * @param sessionId the session that asked
     * @param denial why, on which host, with the numbers and the idle lobbies to suggest
     */
    default void onRefused(String sessionId, AdmissionDeniedException denial) {
    }

    /**
     * A permit was committed: its lobby is recorded.
     *
     * @param event the permit, with its lobby id
     */
    default void onCommitted(PermitEvent event) {
    }

    /**
     * A permit was closed before any create attempt; its slot is free.
     *
     * @param event the permit
     */
    default void onReleased(PermitEvent event) {
    }

    /**
     * A permit expired before a create attempt, or found its reservation already gone; its slot
     * is free.
     *
     * @param event the permit
     */
    default void onExpired(PermitEvent event) {
    }

    /**
     * A permit was closed after a create attempt without a commit: the lobby may exist, and the
     * slot stays counted until cleanup reconciles the reservation.
     *
     * @param event the permit
     */
    default void onUnresolved(PermitEvent event) {
    }

    /**
     * Cleanup settled a reservation: stopped its lobby, proved it absent, found it committed, or
     * removed it unused after its expiry. Heard from the reaper through a
     * {@link ReconciliationRelay}, for reservations of any governor sharing the store.
     *
     * @param settled the reservation and how it was settled
     */
    default void onReconciled(CleanupOutcome.ReservationSettled settled) {
    }
}
