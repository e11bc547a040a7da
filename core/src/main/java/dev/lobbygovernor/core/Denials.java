package dev.lobbygovernor.core;

import dev.lobbygovernor.core.internal.LedgerCounts;
import dev.lobbygovernor.core.internal.Refusal;
import dev.lobbygovernor.store.SessionStore;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns ledger refusals into typed denials with messages and suggestions, and logs them. */
final class Denials {

    private static final Logger log = LoggerFactory.getLogger(LobbyGovernor.class);

    /** Which refusal the top-level fields describe: a full host, then a blind one, then a dead one. */
    private static final Comparator<HostDenial> CLOSEST_TO_ADMITTING = Comparator.comparingInt(
            d -> d.reason().isCapacity() ? 0 : d.reason() == DenialReason.MONITORING_LOST ? 1 : 2);

    private final SessionStore store;
    private final Clock clock;
    private final int suggestionLimit;

    Denials(SessionStore store, Clock clock, int suggestionLimit) {
        this.store = store;
        this.clock = clock;
        this.suggestionLimit = suggestionLimit;
    }

    /** A host's refusal as a value; {@code refusal} is null when the host cannot be listed. */
    HostDenial of(HostState host, Refusal refusal) {
        DenialReason reason;
        int active;
        int cap;
        if (refusal == null) {
            LedgerCounts last = host.ledger.counts(clock.millis());
            reason = DenialReason.HOST_UNAVAILABLE;
            active = last.active();
            cap = last.cap();
        } else {
            reason = reasonFor(refusal);
            active = refusal.active();
            cap = refusal.cap();
        }
        // Closing a lobby only helps a host that is merely full.
        List<IdleLobbySuggestion> suggestions = reason.isCapacity()
                ? HostLobbies.suggestions(store, host, clock.instant(), suggestionLimit)
                : List.of();
        return new HostDenial(host.id, reason, active, cap, host.health().status(),
                DenialText.message(reason, host.id, active, cap), suggestions);
    }

    /** The denial when every host refused; {@code perHost} in the order they were tried. */
    static AdmissionDeniedException aggregate(List<HostDenial> perHost) {
        HostDenial primary = perHost.stream().min(CLOSEST_TO_ADMITTING).orElseThrow();
        return new AdmissionDeniedException(DenialText.aggregate(primary, perHost), primary, perHost);
    }

    /** Logs the denial once, at WARN with key-values (no PIN is known here), and returns it. */
    AdmissionDeniedException logged(String sessionId, AdmissionDeniedException e) {
        log.atWarn().addKeyValue("session", sessionId).addKeyValue("host", e.hostId())
                .addKeyValue("reason", e.reason()).addKeyValue("active", e.active()).addKeyValue("cap", e.cap())
                .addKeyValue("health", e.healthStatus()).log("Lobby refused: " + e.getMessage());
        return e;
    }

    private static DenialReason reasonFor(Refusal refusal) {
        switch (refusal.limit()) {
            case GPU_MEMORY:
                return DenialReason.GPU_MEMORY;
            case ENCODER_SESSIONS:
                return DenialReason.ENCODER_SESSIONS;
            case BLIND_REFUSAL:
                return DenialReason.MONITORING_LOST;
            default:
                return DenialReason.LOBBY_LIMIT;
        }
    }
}
