package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.AlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Failed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Kind;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.OrphanStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionAlreadyGone;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionFailed;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionReported;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.SessionStopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.WouldAct;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.Stopped;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CycleReport;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns outcomes into log lines (one per action, lobby id included, never a PIN) and listener
 * calls (exceptions contained). The words "stopped" and "gone" appear only in lines for
 * outcomes whose lobby a listing showed gone.
 */
public final class OutcomeReporter {

    private static final Logger log = LoggerFactory.getLogger(OutcomeReporter.class);

    private final List<CleanupListener> listeners;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    /**
     * A reporter that logs through this class's logger and tells {@code listeners}, in order.
     *
     * @param listeners who hear each outcome; empty for nobody
     */
    public OutcomeReporter(List<CleanupListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Logs the outcome's line, then tells the listener. Hosts are worked on side by side;
     * the lock keeps the listener's calls one at a time.
     */
    synchronized void report(CleanupOutcome outcome) {
        logLine(outcome);
        notifyListener(outcome);
    }

    /** Tells the listener only: for outcomes a host-level line already covers. */
    synchronized void notifyListener(CleanupOutcome outcome) {
        if (outcome instanceof Stopped o) {
            contain(l -> l.onStopped(o));
        } else if (outcome instanceof AlreadyGone o) {
            contain(l -> l.onAlreadyGone(o));
        } else if (outcome instanceof Failed o) {
            contain(l -> l.onFailed(o));
        } else if (outcome instanceof OrphanReported o) {
            contain(l -> l.onOrphanReported(o));
        } else if (outcome instanceof OrphanStopped o) {
            contain(l -> l.onOrphanStopped(o));
        } else if (outcome instanceof ReservationSettled o) {
            contain(l -> l.onReservationSettled(o));
        } else if (outcome instanceof SessionStopped o) {
            contain(l -> l.onSessionStopped(o));
        } else if (outcome instanceof SessionAlreadyGone o) {
            contain(l -> l.onSessionAlreadyGone(o));
        } else if (outcome instanceof SessionFailed o) {
            contain(l -> l.onSessionFailed(o));
        } else if (outcome instanceof SessionReported o) {
            contain(l -> l.onSessionReported(o));
        } else if (outcome instanceof WouldAct o) {
            contain(l -> l.onWouldAct(o));
        }
    }

    /**
     * Logs the cycle's summary if it did anything, then tells the listener.
     *
     * @param report the finished cycle's report
     */
    public void cycleCompleted(CycleReport report) {
        if (!report.outcomes().isEmpty()) {
            log.atInfo()
                    .addKeyValue("stopped", report.count(Kind.STOPPED))
                    .addKeyValue("alreadyGone", report.count(Kind.ALREADY_GONE))
                    .addKeyValue("failed", report.count(Kind.FAILED))
                    .addKeyValue("orphansReported", report.count(Kind.ORPHAN_REPORTED))
                    .addKeyValue("orphansStopped", report.count(Kind.ORPHAN_STOPPED))
                    .addKeyValue("reservationsSettled", report.count(Kind.RESERVATION_SETTLED))
                    .addKeyValue("sessionsStopped", report.count(Kind.SESSION_STOPPED))
                    .addKeyValue("sessionsFailed", report.count(Kind.SESSION_FAILED))
                    .addKeyValue("sessionsReported", report.count(Kind.SESSION_REPORTED))
                    .addKeyValue("wouldAct", report.count(Kind.WOULD_ACT))
                    .addKeyValue("unreachableHosts", report.unreachableHosts().size())
                    .log("Lobby cleanup cycle finished");
        }
        contain(l -> l.onCycleCompleted(report));
    }

    private static void logLine(CleanupOutcome outcome) {
        if (outcome instanceof Stopped o) {
            (o.recordRemoved() ? log.atInfo() : log.atWarn())
                    .addKeyValue("host", o.hostId()).addKeyValue("lobby", o.lobbyId())
                    .addKeyValue("session", o.sessionId()).addKeyValue("reason", o.reason())
                    .addKeyValue("recordRemoved", o.recordRemoved())
                    .log(o.recordRemoved()
                            ? "Lobby stopped with its stored credentials and verified gone; record removed"
                            : "Lobby stopped with its stored credentials and verified gone, but the store could not "
                                    + "remove its record; the next cycle removes it");
        } else if (outcome instanceof AlreadyGone o && o.sessionId() == null) {
            log.atInfo().addKeyValue("host", o.hostId()).addKeyValue("lobby", o.lobbyId())
                    .log("Orphan lobby (no record) no longer listed by the runtime; the stop sent to it was not "
                            + "acknowledged, so it is not counted as stopped");
        } else if (outcome instanceof AlreadyGone o) {
            (o.recordRemoved() ? log.atInfo() : log.atWarn())
                    .addKeyValue("host", o.hostId()).addKeyValue("lobby", o.lobbyId())
                    .addKeyValue("session", o.sessionId()).addKeyValue("recordRemoved", o.recordRemoved())
                    .log(o.recordRemoved()
                            ? "Lobby no longer listed by the runtime; record removed"
                            : "Lobby no longer listed by the runtime, but the store could not remove its record; "
                                    + "the next cycle retries");
        } else if (outcome instanceof Failed o) {
            log.atWarn().addKeyValue("host", o.hostId()).addKeyValue("lobby", o.lobbyId())
                    .addKeyValue("session", o.sessionId()).addKeyValue("reason", o.reason())
                    .addKeyValue("detail", o.detail()).addKeyValue("consecutiveFailures", o.consecutiveFailures())
                    .addKeyValue("retryNotBefore", o.retryNotBefore())
                    .log("Lobby cleanup failed; the lobby may still run, its record is kept and the stop will be retried");
        } else if (outcome instanceof OrphanReported o) {
            log.atWarn().addKeyValue("host", o.hostId()).addKeyValue("lobby", o.lobbyId())
                    .addKeyValue("firstSeenAt", o.firstSeenAt()).addKeyValue("age", o.age())
                    .addKeyValue("pinRequired", o.pinRequired())
                    .log(o.pinRequired()
                            ? "Lobby runs with no record past the orphan grace period and needs a PIN the library "
                                    + "does not have; stop it on the streaming server"
                            : "Lobby runs with no record past the orphan grace period; orphan stopping is off");
        } else if (outcome instanceof OrphanStopped o) {
            log.atInfo().addKeyValue("host", o.hostId()).addKeyValue("lobby", o.lobbyId())
                    .addKeyValue("firstSeenAt", o.firstSeenAt()).addKeyValue("age", o.age())
                    .log("Orphan lobby (no record) stopped after the grace period and verified gone");
        } else if (outcome instanceof ReservationSettled o) {
            (o.resolution() == ReservationSettled.Resolution.STOPPED ? log.atWarn() : log.atInfo())
                    .addKeyValue("host", o.hostId()).addKeyValue("reservation", o.reservationId())
                    .addKeyValue("session", o.sessionId()).addKeyValue("lobbyName", o.lobbyName())
                    .addKeyValue("lobby", o.foundLobbyId()).addKeyValue("resolution", o.resolution())
                    .log(switch (o.resolution()) {
                        case STOPPED -> "Lobby created under an unfinished reservation was stopped with its stored PIN"
                                + " and verified gone; its slot is free";
                        case ABSENT -> "Unfinished reservation settled: its lobby never appeared; its slot is free";
                        case COMMITTED -> "Reservation settled: its lobby was already committed";
                        case EXPIRED -> "Reservation expired without a create attempt; removed";
                    });
        } else if (outcome instanceof SessionStopped o) {
            log.atInfo().addKeyValue("host", o.hostId()).addKeyValue("session", o.sessionId())
                    .addKeyValue("app", o.appId()).addKeyValue("looseSince", o.looseSince()).addKeyValue("age", o.age())
                    .log("Leaked streaming session (in no lobby, streamed by no client) stopped and verified gone");
        } else if (outcome instanceof SessionAlreadyGone o) {
            log.atInfo().addKeyValue("host", o.hostId()).addKeyValue("session", o.sessionId())
                    .log("Leaked streaming session no longer listed by the server; not counted as stopped");
        } else if (outcome instanceof SessionFailed o) {
            log.atWarn().addKeyValue("host", o.hostId()).addKeyValue("session", o.sessionId())
                    .addKeyValue("reason", o.reason()).addKeyValue("detail", o.detail())
                    .addKeyValue("consecutiveFailures", o.consecutiveFailures())
                    .addKeyValue("retryNotBefore", o.retryNotBefore())
                    .log("Stopping a leaked streaming session failed; it may still run and the stop will be retried");
        } else if (outcome instanceof SessionReported o) {
            log.atWarn().addKeyValue("host", o.hostId()).addKeyValue("session", o.sessionId())
                    .addKeyValue("app", o.appId()).addKeyValue("looseSince", o.looseSince()).addKeyValue("age", o.age())
                    .log("Streaming session in no lobby and streamed by no client past the session grace; "
                            + "session cleanup only reports, so it is left running");
        } else if (outcome instanceof WouldAct o) {
            log.atInfo().addKeyValue("host", o.hostId()).addKeyValue("target", o.lobbyId())
                    .addKeyValue("action", o.action()).addKeyValue("why", o.why())
                    .log("Dry run: the cycle would do this and did not");
        }
    }

    /**
     * Calls each listener, containing what one throws so that the others still hear the event.
     * A listener that throws on every outcome would fill the log each cycle, so its first throw
     * is a WARN with the stack trace and later ones are DEBUG.
     */
    private void contain(Consumer<CleanupListener> call) {
        for (CleanupListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                String who = listener.getClass().getName();
                if (warned.add(who)) {
                    log.atWarn().setMessage("Cleanup listener {} threw; ignored, and later throws are logged at DEBUG")
                            .addArgument(who).setCause(e).log();
                } else {
                    log.atDebug().setMessage("Cleanup listener {} threw again; ignored").addArgument(who)
                            .setCause(e).log();
                }
            }
        }
    }
}
