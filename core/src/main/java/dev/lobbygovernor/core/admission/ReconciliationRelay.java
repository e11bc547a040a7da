package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import java.util.Objects;

/**
 * Passes the reservations cleanup settles to an {@link AdmissionListener} as
 * {@link AdmissionListener#onReconciled}, so that one listener hears every permit's end: add it
 * to the reaper with {@code LobbyReaper.Builder.listener(new ReconciliationRelay(listener))}.
 */
public final class ReconciliationRelay implements CleanupListener {

    private final AdmissionListener target;

    /**
     * A relay to one admission listener.
     *
     * @param target who hears the reconciliations; not null
     */
    public ReconciliationRelay(AdmissionListener target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    @Override
    public void onReservationSettled(CleanupOutcome.ReservationSettled outcome) {
        target.onReconciled(outcome);
    }
}
