package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.internal.VerifiedStop;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: frees one slot on a full host by stopping its longest-idle recorded lobby,
 * if idle at least the configured minimum and no client is connected to it (by a listing made
 * just before choosing). The stop is the reaper's {@link VerifiedStop}: stored credentials,
 * verified by listing again, the record removed only then, runtime messages scrubbed of the PIN.
 * Every stop is a WARN naming the lobby (never its PIN). A lobby without a record is never
 * stopped here: nobody can say whose it is.
 */
public final class LastResortStopper {

    private static final Logger log = LoggerFactory.getLogger(LastResortStopper.class);

    private final SessionStore store;
    private final Clock clock;
    private final Duration minIdle;
    private final ReservationDesk desk;

    /**
     * A last resort that stops lobbies idle at least {@code minIdle}.
     *
     * @param store where lobby records and their PINs are read
     * @param clock the time source
     * @param minIdle how long a lobby must have been idle to be stopped
     * @param desk where the freed slot is reserved
     */
    public LastResortStopper(SessionStore store, Clock clock, Duration minIdle, ReservationDesk desk) {
        this.store = store;
        this.clock = clock;
        this.minIdle = minIdle;
        this.desk = desk;
    }

    /**
     * Tries to grant a slot on a full host, stopping one idle lobby if it must. The slot is
     * reserved with the stop's own verifying listing, before any other admission's cached
     * listing can show the lobby gone.
     *
     * @param host a host that refused for capacity
     * @param request the requester's admission
     * @return the permit granted, or {@code null}
     */
    public HostPermit admit(HostState host, AdmissionRequest request) {
        // One last resort per host at a time. A second one does not wait: the first is already
        // freeing a slot for its own requester, and an admission must not wait on a stop.
        if (!host.lastResortTurn().tryLock()) {
            log.atDebug().addKeyValue("host", host.id()).log("Last resort skipped: another is under way on this host");
            return null;
        }
        try {
            // A fresh listing, not the cached one: whether clients are connected must be known
            // now, and a lobby closed since the cached listing may already have left room.
            Listing fresh = host.listNow();
            if (fresh == null) {
                log.atWarn().addKeyValue("host", host.id())
                        .log("Last resort skipped: the host's lobbies cannot be listed");
                return null;
            }
            Set<String> inUse = new HashSet<>();
            for (LiveLobby lobby : fresh.lobbies()) {
                if (lobby.connectedSessions() > 0) {
                    inUse.add(lobby.id());
                }
            }
            Instant now = clock.instant();
            Optional<LobbyRecord> victim;
            try {
                ReservationDesk.Booking booking = desk.book(host, fresh, request);
                if (booking.permit() != null) {
                    return booking.permit();
                }
                victim = HostLobbies.recordedRunning(desk.counted(host, fresh)).stream()
                        .filter(r -> fresh.ids().contains(r.lobbyId()))
                        .filter(r -> !inUse.contains(r.lobbyId()))
                        .filter(r -> freesAGpuThatAdmits(host.cap(), r))
                        .filter(r -> !HostLobbies.since(r.lastActivityAt(), now).minus(minIdle).isNegative())
                        .min(HostLobbies.LONGEST_IDLE_FIRST);
            } catch (StoreException e) {
                log.atWarn().addKeyValue("host", host.id()).addKeyValue("error", e.getMessage())
                        .log("Last resort skipped: the store cannot be read");
                return null;
            }
            if (victim.isEmpty()) {
                log.atDebug().addKeyValue("host", host.id()).addKeyValue("minIdle", minIdle)
                        .log("Last resort found no unused lobby idle long enough");
                return null;
            }
            return stopAndVerify(host, victim.get(), now, request);
        } finally {
            host.lastResortTurn().unlock();
        }
    }

    /**
     * Whether stopping the lobby of {@code record} leaves room on a GPU that takes lobbies: on a
     * host whose GPUs are not told apart, always; else when it is on such a GPU, or placed on
     * none (it counted against every GPU). A lobby on a faulted GPU is never stopped for room.
     */
    static boolean freesAGpuThatAdmits(EffectiveCap cap, LobbyRecord record) {
        boolean placed = false;
        for (GpuSlot slot : cap.gpus()) {
            if (slot.uuid().equals(record.gpu())) {
                placed = true;
                if (slot.unavailable() == null) {
                    return true;
                }
            }
        }
        return !placed;
    }

    private HostPermit stopAndVerify(HostState host, LobbyRecord victim, Instant now, AdmissionRequest request) {
        String lobbyId = victim.lobbyId();
        Duration idle = HostLobbies.since(victim.lastActivityAt(), now);
        VerifiedStop stops = new VerifiedStop(host.runtime(), store);
        VerifiedStop.Attempt sent = stops.send(lobbyId, victim.optionalPin());
        if (!sent.acknowledged()) {
            // It may be gone already (stopped by its user a moment ago): the listing decides.
            log.atWarn().addKeyValue("host", host.id()).addKeyValue("lobby", lobbyId)
                    .addKeyValue("error", sent.detail()).log("Last resort: stop request failed; verifying");
        }
        long listedAt = clock.millis();
        VerifiedStop.Verification listing = stops.verify();
        if (!listing.answered()) {
            host.markFailing(listedAt, "UNVERIFIED", listing.detail());
            log.atWarn().addKeyValue("host", host.id()).addKeyValue("lobby", lobbyId)
                    .log("Last resort: cannot verify the stop (host does not answer); lobby record kept");
            return null;
        }
        VerifiedStop.Verdict verdict = listing.verdictOf(sent);
        if (verdict != VerifiedStop.Verdict.STOPPED && verdict != VerifiedStop.Verdict.ALREADY_GONE) {
            log.atWarn().addKeyValue("host", host.id()).addKeyValue("lobby", lobbyId).addKeyValue("verdict", verdict)
                    .log("Last resort: lobby still runs after stop; lobby record kept");
            return null;
        }
        HostPermit granted = null;
        try {
            // The record goes first (it counts the lobby for every replica), then the slot is
            // reserved with the verifying listing, which other admissions' caches do not show yet.
            stops.removeRecord(listing, lobbyId);
            granted = desk.book(host, Listing.of(listing.lobbies(), listedAt), request).permit();
        } catch (RuntimeException e) {
            // The lobby is verifiably gone; cleanup removes a record left behind on its next cycle.
            log.atWarn().addKeyValue("host", host.id()).addKeyValue("lobby", lobbyId)
                    .addKeyValue("error", e.getMessage())
                    .log("Last resort: lobby stopped but its record or the new reservation could not be written");
        }
        log.atWarn().addKeyValue("host", host.id()).addKeyValue("lobby", lobbyId)
                .addKeyValue("session", victim.sessionId()).addKeyValue("idleSeconds", idle.toSeconds())
                .addKeyValue("forSession", request.sessionId()).addKeyValue("admitted", granted != null)
                .log(verdict == VerifiedStop.Verdict.STOPPED
                        ? "Last resort: stopped the longest-idle lobby to admit a new one"
                        : "Last resort: the longest-idle lobby was already gone when stopped; its slot is free");
        return granted;
    }
}
