package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.internal.VerifiedStop;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries out one host's {@link ReservationPlanner} settlements: stops a found lobby with the
 * reservation's PIN, verifies it gone by listing again, and only then removes the reservation.
 * A stop that cannot be verified leaves the reservation, so its slot stays counted.
 */
final class ReservationSettler {

    private final String hostId;
    private final LobbyRuntime runtime;
    private final SessionStore store;
    private final RetryBook retries;
    private final OutcomeReporter reporter;
    private final Instant now;

    ReservationSettler(String hostId, LobbyRuntime runtime, SessionStore store, RetryBook retries,
            OutcomeReporter reporter, Instant now) {
        this.hostId = hostId;
        this.runtime = runtime;
        this.store = store;
        this.retries = retries;
        this.reporter = reporter;
        this.now = now;
    }

    List<CleanupOutcome> execute(List<ReservationPlanner.Settlement> plan) {
        List<CleanupOutcome> out = new ArrayList<>();
        for (ReservationPlanner.Settlement s : plan) {
            CleanupOutcome outcome = s.resolution() == Resolution.STOPPED ? stop(s) : remove(s);
            if (outcome != null) {
                reporter.report(outcome);
                out.add(outcome);
            }
        }
        return out;
    }

    private CleanupOutcome stop(ReservationPlanner.Settlement s) {
        ReservationRecord r = s.reservation();
        LiveLobby lobby = s.lobby();
        // retries are keyed by the reservation's unique name, which the cycle knows before listing
        Instant notBefore = retries.notBefore().get(r.lobbyName());
        if (notBefore != null && notBefore.isAfter(now)) {
            return null;
        }
        VerifiedStop stops = new VerifiedStop(runtime, store);
        VerifiedStop.Attempt sent = stops.send(lobby.id(), r.optionalPin());
        VerifiedStop.Verification listing = stops.verify();
        return switch (listing.verdictOf(sent)) {
            case UNVERIFIED -> failed(lobby.id(), r, FailureReason.UNVERIFIED, listing.detail());
            case STILL_RUNNING -> failed(lobby.id(), r, FailureReason.STILL_RUNNING,
                    "the runtime acknowledged the stop but still lists the lobby");
            case STOP_FAILED -> failed(lobby.id(), r, HostCleanup.failureOf(sent.failure()), sent.detail());
            case STOPPED, ALREADY_GONE -> {
                retries.clear(r.lobbyName());
                yield remove(s);
            }
        };
    }

    private CleanupOutcome failed(String lobbyId, ReservationRecord r, FailureReason reason, String detail) {
        RetryBook.Entry entry = retries.failed(r.lobbyName(), now);
        return new CleanupOutcome.Failed(hostId, lobbyId, r.sessionId(), reason, detail, entry.failures(),
                entry.notBefore());
    }

    private CleanupOutcome remove(ReservationPlanner.Settlement s) {
        ReservationRecord r = s.reservation();
        try {
            store.removeReservation(r.reservationId());
        } catch (RuntimeException e) {
            return failed(s.lobby() != null ? s.lobby().id() : r.lobbyName(), r, FailureReason.STORE_UNAVAILABLE,
                    String.valueOf(e.getMessage()));
        }
        return new ReservationSettled(hostId, r.reservationId(), r.sessionId(), r.lobbyName(),
                s.lobby() != null ? s.lobby().id() : null, s.resolution());
    }
}
