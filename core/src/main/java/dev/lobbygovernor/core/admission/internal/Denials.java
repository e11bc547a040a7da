package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.HostDenial;
import dev.lobbygovernor.core.admission.IdleLobbySuggestion;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns ledger refusals into typed denials with messages and suggestions, and logs them. */
public final class Denials {

    private static final Logger log = LoggerFactory.getLogger(Denials.class);

    private final Clock clock;
    private final int suggestionLimit;
    private final ReservationDesk desk;

    /**
     * Denials that suggest up to {@code suggestionLimit} idle lobbies from the store.
     *
     * @param clock the time source
     * @param suggestionLimit how many idle lobbies a denial suggests closing
     * @param desk where counts and the records behind suggestions are read
     */
    public Denials(Clock clock, int suggestionLimit, ReservationDesk desk) {
        this.desk = desk;
        this.clock = clock;
        this.suggestionLimit = suggestionLimit;
    }

    /**
     * A host's refusal as a value.
     *
     * @param host the host that refused
     * @param refusal the ledger's refusal, or {@code null} when the host cannot be listed
     * @return the denial, with idle-lobby suggestions when the host is merely full
     */
    public HostDenial of(HostState host, Refusal refusal) {
        DenialReason reason;
        int active;
        int cap;
        if (refusal == null) {
            reason = DenialReason.HOST_UNAVAILABLE;
            active = lastKnownActive(host);
            cap = host.cap().cap();
        } else {
            reason = reasonFor(refusal);
            active = refusal.active();
            cap = refusal.cap();
        }
        // Closing a lobby only helps a host that is merely full.
        List<IdleLobbySuggestion> suggestions = reason.isCapacity()
                ? HostLobbies.suggestions(desk, host, clock.instant(), suggestionLimit)
                : List.of();
        return new HostDenial(host.id(), reason, active, cap, host.health().status(),
                DenialText.message(reason, host.id(), active, cap, serverName(host)), suggestions);
    }

    /**
     * A host's refusal from counts already made: no store read. Suggestions come from what was
     * counted.
     *
     * @param host the host that refused
     * @param reason why
     * @param active its count then
     * @param cap its cap then
     * @param counted what its count was made from, for suggestions
     * @param now the time idleness is measured to
     */
    HostDenial of(HostState host, DenialReason reason, int active, int cap, Counted counted,
            Instant now) {
        List<IdleLobbySuggestion> suggestions = reason.isCapacity()
                ? HostLobbies.suggestions(counted, now, suggestionLimit)
                : List.of();
        return new HostDenial(host.id(), reason, active, cap, host.health().status(),
                DenialText.message(reason, host.id(), active, cap, serverName(host)), suggestions);
    }

    /**
     * The denial when several hosts refused.
     *
     * @param closestFirst the refusals of the hosts closest to admitting, closest first, at most
     *     {@link AdmissionDeniedException#PER_HOST_LIMIT}; not empty
     * @param hostsRefused how many hosts refused in all
     * @return the exception, with one short sentence about the closest host
     */
    static AdmissionDeniedException fleet(List<HostDenial> closestFirst, int hostsRefused) {
        HostDenial primary = closestFirst.get(0);
        return new AdmissionDeniedException(DenialText.fleet(primary, hostsRefused), primary, closestFirst,
                hostsRefused);
    }

    /**
     * Logs the denial once. A refusal is an ordinary business event, so it is an
     * INFO line with key-values (no PIN is known here).
     *
     * @param sessionId the session that asked
     * @param e the denial
     */
    public void logRefusal(String sessionId, AdmissionDeniedException e) {
        log.atInfo().addKeyValue("session", sessionId).addKeyValue("host", e.hostId())
                .addKeyValue("reason", e.reason()).addKeyValue("active", e.active()).addKeyValue("cap", e.cap())
                .addKeyValue("health", e.healthStatus()).log("Lobby refused: " + e.getMessage());
    }

    /** The streaming server's name, from the reason its own report gave, for the refusal's text. */
    private static String serverName(HostState host) {
        return host.health().reasons().stream()
                .filter(r -> r instanceof HealthReason.ServerCritical)
                .map(r -> ((HealthReason.ServerCritical) r).source())
                .filter(n -> !n.isBlank())
                .findFirst().orElse(DenialText.SERVER);
    }

    /** The count from the last listing and the store; the listing's alone if the store fails too. */
    private int lastKnownActive(HostState host) {
        try {
            return desk.counts(host).active();
        } catch (StoreException e) {
            return host.lastListing().ids().size();
        }
    }

    /** Why a host refuses whose counts say it is full or refusing everything. */
    static DenialReason reasonFor(LedgerCounts counts) {
        return reasonFor(new Refusal(counts.refuseAll() ? counts.refusal() : counts.binding(),
                counts.active(), counts.cap()));
    }

    static DenialReason reasonFor(Refusal refusal) {
        switch (refusal.limit()) {
            case GPU_MEMORY:
                return DenialReason.GPU_MEMORY;
            case ENCODER_SESSIONS:
                return DenialReason.ENCODER_SESSIONS;
            case BLIND_REFUSAL:
                return DenialReason.MONITORING_LOST;
            case SERVER_CRITICAL:
                return DenialReason.SERVER_UNHEALTHY;
            case GPU_FAULT:
                return DenialReason.GPU_FAULT;
            default:
                return DenialReason.LOBBY_LIMIT;
        }
    }
}
