package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.runtime.LiveSession;
import dev.lobbygovernor.core.runtime.LobbyRuntimeException;
import dev.lobbygovernor.core.runtime.SessionListing;
import dev.lobbygovernor.core.runtime.SessionRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out one host's session plan: lists again just before stopping (a session attached
 * since the planning listing is left alone), stops, then lists once more to verify. Only a
 * session the verifying listing no longer shows is reported gone.
 */
final class SessionCleanupRun {

    /** A stop sent (or tried), waiting for the verifying listing. */
    private record Sent(SessionPlanner.Leak leak, boolean acknowledged, FailureReason failure, String detail) {
        String id() {
            return leak.session().id();
        }
    }

    private final String hostId;
    private final SessionRuntime runtime;
    private final RetryBook retries;
    private final OutcomeReporter reporter;
    private final Instant now;
    private final List<CleanupOutcome> outcomes = new ArrayList<>();
    private final Set<String> noLongerLoose = new HashSet<>();

    SessionCleanupRun(String hostId, SessionRuntime runtime, RetryBook retries, OutcomeReporter reporter, Instant now) {
        this.hostId = hostId;
        this.runtime = runtime;
        this.retries = retries;
        this.reporter = reporter;
        this.now = now;
    }

    /** The sessions found gone or attached again: their runs of loose sightings end. */
    Set<String> noLongerLoose() {
        return noLongerLoose;
    }

    /** Executes the plan, or in a dry run only says what it would stop; returns the outcomes. */
    List<CleanupOutcome> execute(SessionPlanner.Plan plan, boolean dryRun) {
        Map<String, SessionPlanner.Leak> stops = new LinkedHashMap<>();
        for (SessionPlanner.Leak leak : plan.leaks()) {
            if (!leak.stop()) {
                emit(new CleanupOutcome.SessionReported(hostId, leak.session().id(), leak.session().appId(),
                        leak.looseSince(), Duration.between(leak.looseSince(), now)));
            } else if (dryRun) {
                emit(new CleanupOutcome.WouldAct(hostId, leak.session().id(), CleanupOutcome.WouldAct.Action.STOP_SESSION,
                        "LEAKED_SESSION"));
            } else {
                stops.put(leak.session().id(), leak);
            }
        }
        if (stops.isEmpty()) {
            return outcomes;
        }
        SessionListing fresh;
        try {
            fresh = runtime.listSessions();
        } catch (LobbyRuntimeException | RuntimeException e) {
            // nothing was sent, so no backoff grows: the next cycle plans afresh
            stops.values().forEach(l -> emit(new CleanupOutcome.SessionFailed(hostId, l.session().id(),
                    reasonOf(e), "not stopped: the sessions could not be listed again before stopping: "
                            + e.getMessage(), retries.failures(l.session().id()), now)));
            return outcomes;
        }
        List<Sent> sent = new ArrayList<>();
        for (SessionPlanner.Leak leak : stops.values()) {
            Map<String, Boolean> state = stateIn(fresh, leak.session().id());
            if (state.isEmpty()) {
                retries.clear(leak.session().id());
                noLongerLoose.add(leak.session().id());
                emit(new CleanupOutcome.SessionAlreadyGone(hostId, leak.session().id()));
            } else if (state.containsValue(true)) {
                // attached since the planning listing: a client came back, so it is not leaked
                noLongerLoose.add(leak.session().id());
            } else {
                sent.add(send(leak));
            }
        }
        if (!sent.isEmpty()) {
            verify(sent);
        }
        return outcomes;
    }

    /** For each listing of the id (a client's two streams share it), whether it is attached. */
    private static Map<String, Boolean> stateIn(SessionListing listing, String id) {
        Map<String, Boolean> out = new HashMap<>();
        for (LiveSession s : listing.sessions()) {
            if (s.id().equals(id)) {
                out.merge(id, listing.attached(s), Boolean::logicalOr);
            }
        }
        return out;
    }

    private Sent send(SessionPlanner.Leak leak) {
        try {
            runtime.stopSession(leak.session().id());
            return new Sent(leak, true, null, "");
        } catch (LobbyRuntimeException e) {
            return new Sent(leak, false, HostCleanup.failureOf(e.kind()), e.getMessage());
        } catch (RuntimeException e) {
            return new Sent(leak, false, FailureReason.RUNTIME_PROTOCOL, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void verify(List<Sent> sent) {
        SessionListing after;
        try {
            after = runtime.listSessions();
        } catch (LobbyRuntimeException | RuntimeException e) {
            sent.forEach(s -> fail(s, FailureReason.UNVERIFIED, "the stop was sent but the sessions could not be "
                    + "listed again: " + e.getMessage()));
            return;
        }
        Set<String> listed = new HashSet<>();
        after.sessions().forEach(s -> listed.add(s.id()));
        for (Sent s : sent) {
            if (!listed.contains(s.id())) {
                retries.clear(s.id());
                noLongerLoose.add(s.id());
                SessionPlanner.Leak l = s.leak();
                emit(s.acknowledged()
                        ? new CleanupOutcome.SessionStopped(hostId, s.id(), l.session().appId(), l.looseSince(),
                                Duration.between(l.looseSince(), now))
                        : new CleanupOutcome.SessionAlreadyGone(hostId, s.id()));
            } else if (s.acknowledged()) {
                fail(s, FailureReason.STILL_RUNNING, "the server acknowledged the stop but still lists the session");
            } else {
                fail(s, s.failure(), s.detail());
            }
        }
    }

    private void fail(Sent s, FailureReason reason, String detail) {
        RetryBook.Entry entry = retries.failed(s.id(), now);
        emit(new CleanupOutcome.SessionFailed(hostId, s.id(), reason, detail, entry.failures(), entry.notBefore()));
    }

    private static FailureReason reasonOf(Exception e) {
        return e instanceof LobbyRuntimeException r ? HostCleanup.failureOf(r.kind()) : FailureReason.RUNTIME_PROTOCOL;
    }

    private void emit(CleanupOutcome outcome) {
        outcomes.add(outcome);
        reporter.report(outcome);
    }
}
