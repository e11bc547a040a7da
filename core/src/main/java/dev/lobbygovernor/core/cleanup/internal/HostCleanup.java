package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.internal.VerifiedStop;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Carries out one host's plan: sends the stops, lists the lobbies again to verify them, and only
 * then removes records (through {@link VerifiedStop}, which the governor's last resort shares). The thin, effectful half of a cycle; the decisions are the planner's.
 */
final class HostCleanup {

    /** A stop that was sent (or tried), waiting for the verifying listing. */
    private record Attempt(VerifiedStop.Attempt sent, LobbyRecord record, StopReason reason, Instant orphanSince) {
        String lobbyId() {
            return sent.lobbyId();
        }

        boolean acknowledged() {
            return sent.acknowledged();
        }
    }

    private final String hostId;
    private final SessionStore store;
    private final RetryBook retries;
    private final ReaperConfig config;
    private final Instant now;
    private final OutcomeReporter reporter;
    private final List<CleanupOutcome> outcomes = new ArrayList<>();
    private final VerifiedStop stops;

    HostCleanup(String hostId, LobbyRuntime runtime, SessionStore store, RetryBook retries, ReaperConfig config,
            Instant now, OutcomeReporter reporter) {
        this.hostId = hostId;
        this.store = store;
        this.retries = retries;
        this.config = config;
        this.now = now;
        this.reporter = reporter;
        this.stops = runtime == null ? null : new VerifiedStop(runtime, store);
    }

    /** Executes the plan and returns its outcomes, each already logged and reported. */
    List<CleanupOutcome> execute(HostPlan plan) {
        List<Attempt> attempts = new ArrayList<>();
        for (PlannedAction action : plan.actions()) {
            if (action instanceof PlannedAction.StopRecorded a) {
                currentIfStillDue(a).ifPresent(r -> attempts.add(stop(r.lobbyId(), r.optionalPin(), r, a.reason(), null)));
            } else if (action instanceof PlannedAction.StopOrphan a) {
                if (stillOrphan(a.lobby())) {
                    attempts.add(stop(a.lobbyId(), Optional.empty(), null, null, a.firstSeenAt()));
                }
            } else if (action instanceof PlannedAction.ForgetRecord a) {
                retries.clear(a.lobbyId());
                emit(new CleanupOutcome.AlreadyGone(hostId, a.lobbyId(), a.record().sessionId(), remove(a.lobbyId())));
            } else if (action instanceof PlannedAction.ReportUnreachable a) {
                // no attempt was made, so the backoff stays; the host-level line already says why
                CleanupOutcome failed = new CleanupOutcome.Failed(hostId, a.lobbyId(), a.record().sessionId(),
                        a.reason(), a.detail(), retries.failures(a.lobbyId()), now);
                outcomes.add(failed);
                reporter.notifyListener(failed);
            } else if (action instanceof PlannedAction.ReportOrphan a) {
                emit(new CleanupOutcome.OrphanReported(hostId, a.lobbyId(), a.firstSeenAt(),
                        Duration.between(a.firstSeenAt(), now), a.lobby().pinRequired()));
            }
        }
        if (!attempts.isEmpty()) {
            verify(attempts);
        }
        return outcomes;
    }

    /** An idle lobby may have been touched since the records were read: re-read before stopping. */
    private Optional<LobbyRecord> currentIfStillDue(PlannedAction.StopRecorded action) {
        if (action.reason() != StopReason.IDLE_TIMEOUT) {
            return Optional.of(action.record());
        }
        try {
            return store.findLobby(action.lobbyId()).filter(r -> CleanupPlanner.isIdle(r, config, now));
        } catch (RuntimeException e) {
            emit(storeFailure(action.lobbyId(), action.record().sessionId(), e));
            return Optional.empty();
        }
    }

    /** A permit may have been committed for the lobby since the records were read. */
    private boolean stillOrphan(LiveLobby lobby) {
        try {
            return store.findLobby(lobby.id()).isEmpty();
        } catch (RuntimeException e) {
            emit(storeFailure(lobby.id(), null, e));
            return false;
        }
    }

    private Attempt stop(String lobbyId, Optional<LobbyPin> pin, LobbyRecord record, StopReason reason,
            Instant orphanSince) {
        return new Attempt(stops.send(lobbyId, pin), record, reason, orphanSince);
    }

    private void verify(List<Attempt> attempts) {
        VerifiedStop.Verification listing = stops.verify();
        for (Attempt a : attempts) {
            switch (listing.verdictOf(a.sent())) {
                case UNVERIFIED -> fail(a, FailureReason.UNVERIFIED, listing.detail());
                case STILL_RUNNING -> fail(a, FailureReason.STILL_RUNNING,
                        "the runtime acknowledged the stop but still lists the lobby");
                case STOP_FAILED -> fail(a, failureOf(a.sent().failure()), a.sent().detail());
                case STOPPED, ALREADY_GONE -> {
                    retries.clear(a.lobbyId());
                    emit(gone(a, listing));
                }
            }
        }
    }

    /** The lobby is verified gone; only a stop we sent and that was acknowledged counts as ours. */
    private CleanupOutcome gone(Attempt a, VerifiedStop.Verification listing) {
        if (a.record() == null) {
            return a.acknowledged()
                    ? new CleanupOutcome.OrphanStopped(hostId, a.lobbyId(), a.orphanSince(),
                            Duration.between(a.orphanSince(), now))
                    : new CleanupOutcome.AlreadyGone(hostId, a.lobbyId(), null, false);
        }
        boolean removed = removeVerified(listing, a.lobbyId());
        return a.acknowledged()
                ? new CleanupOutcome.Stopped(hostId, a.lobbyId(), a.record().sessionId(), a.reason(), removed)
                : new CleanupOutcome.AlreadyGone(hostId, a.lobbyId(), a.record().sessionId(), removed);
    }

    /** The cleanup failure a runtime error stands for. */
    static FailureReason failureOf(LobbyRuntimeException.Kind kind) {
        return switch (kind) {
            case UNAVAILABLE -> FailureReason.RUNTIME_UNAVAILABLE;
            case REJECTED -> FailureReason.STOP_REJECTED;
            case PROTOCOL -> FailureReason.RUNTIME_PROTOCOL;
        };
    }

    private void fail(Attempt a, FailureReason reason, String detail) {
        RetryBook.Entry entry = retries.failed(a.lobbyId(), now);
        emit(new CleanupOutcome.Failed(hostId, a.lobbyId(), a.record() == null ? null : a.record().sessionId(),
                reason, detail, entry.failures(), entry.notBefore()));
    }

    /** Removes a record whose lobby is verified gone; a store failure keeps it for the next cycle. */
    private boolean removeVerified(VerifiedStop.Verification listing, String lobbyId) {
        try {
            stops.removeRecord(listing, lobbyId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Removes a record the planning listing showed without its lobby. */
    private boolean remove(String lobbyId) {
        try {
            store.removeLobby(lobbyId);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private CleanupOutcome.Failed storeFailure(String lobbyId, String sessionId, RuntimeException e) {
        return new CleanupOutcome.Failed(hostId, lobbyId, sessionId, FailureReason.STORE_UNAVAILABLE,
                String.valueOf(e.getMessage()), retries.failures(lobbyId), now);
    }

    private void emit(CleanupOutcome outcome) {
        outcomes.add(outcome);
        reporter.report(outcome);
    }

}
