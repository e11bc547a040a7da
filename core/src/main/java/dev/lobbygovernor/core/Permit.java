package dev.lobbygovernor.core;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.internal.Slot;
import dev.lobbygovernor.core.internal.SlotState;
import dev.lobbygovernor.core.internal.Slots;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One granted lobby slot. Create the lobby, then {@link #commit} it (which records its
 * credentials first) or {@link #close()} to give the slot back. A permit neither committed nor
 * closed within the configured time to live expires and its slot returns.
 *
 * <p>Use it with try-with-resources: {@code close()} after {@code commit} does nothing.
 * {@code commit} and {@code close} are idempotent and thread-safe. The permit never holds the
 * PIN; {@link #toString()} shows only ids and numbers.
 *
 * <p>Its superclass is an implementation detail that contributes no public or protected member:
 * a permit is its host's slot record, so that a grant allocates nothing else.
 */
public final class Permit extends Slot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Permit.class);

    /** Where a permit stands. */
    public enum State {
        /** Granted; holding a slot. */
        OPEN,
        /** Committed: the lobby is recorded and counts against the host. */
        COMMITTED,
        /** Closed without commit; its slot returned. */
        CLOSED,
        /** Neither committed nor closed in time; its slot returned. */
        EXPIRED
    }

    private final HostState host;
    private final String sessionId;
    private final HealthStatus healthStatus;

    /** A permit not yet granted: its host's ledger grants it (or refuses) in {@code tryReserve}. */
    Permit(HostState host, String sessionId, HealthStatus healthStatus) {
        this.host = host;
        this.sessionId = sessionId;
        this.healthStatus = healthStatus;
    }

    /** The host the slot is on. */
    public String hostId() {
        return host.id;
    }

    /** The session the lobby is for. */
    public String sessionId() {
        return sessionId;
    }

    /** Lobbies running or reserved on the host once this slot was granted, this one included. */
    public int activeAfter() {
        return Slots.activeAfter(this);
    }

    /** The host's effective cap when this slot was granted. */
    public int cap() {
        return Slots.cap(this);
    }

    /** Whether the host reached its warning threshold with this slot (e.g. 4/5): nearly full. */
    public boolean warning() {
        return Slots.activeAfter(this) >= Slots.warningThreshold(this);
    }

    /** The host's health status when this slot was granted. */
    public HealthStatus healthStatus() {
        return healthStatus;
    }

    /** When the permit expires unless committed or closed. */
    public Instant expiresAt() {
        return Instant.ofEpochMilli(Slots.deadlineMillis(this));
    }

    /** The lobby it was committed as, if committed. */
    public Optional<String> lobbyId() {
        return Optional.ofNullable(Slots.lobbyId(this));
    }

    /** Where the permit stands now (an unfinished permit past its deadline reads as expired). */
    public State state() {
        SlotState state = host.ledger.stateOf(this);
        if (state == null) {
            return State.OPEN; // not reachable: only granted permits reach callers
        }
        switch (state) {
            case COMMITTED:
                return State.COMMITTED;
            case RELEASED:
                return State.CLOSED;
            case EXPIRED:
                return State.EXPIRED;
            case OPEN:
                return host.clock.millis() >= Slots.deadlineMillis(this) ? State.EXPIRED : State.OPEN;
            default: // COMMITTING holds the slot like OPEN
                return State.OPEN;
        }
    }

    /**
     * Records the lobby created under this permit, then turns the slot into a counted lobby.
     * The record (with the PIN) is saved through the {@link dev.lobbygovernor.store.SessionStore} before this returns;
     * if the store fails, the permit stays open and the caller may retry or close.
     *
     * <p>Calling it again with the same lobby id does nothing.
     *
     * @param lobbyId the streaming server's id of the lobby
     * @param pinOrNull the lobby's PIN, {@code null} for an open lobby
     * @throws PermitExpiredException if the permit expired first (its slot is gone)
     * @throws IllegalStateException if it was closed, or committed as another lobby
     * @throws dev.lobbygovernor.store.StoreException if the record could not be saved
     */
    public void commit(String lobbyId, LobbyPin pinOrNull) {
        if (lobbyId == null || lobbyId.isBlank()) {
            throw new IllegalArgumentException("lobbyId must not be blank");
        }
        // One commit at a time per permit; the ledger's lock guards the slot itself.
        synchronized (this) {
            SlotState state = host.ledger.beginCommit(this, host.clock.millis());
            switch (state) {
                case COMMITTING:
                    break;
                case COMMITTED:
                    if (lobbyId.equals(Slots.lobbyId(this))) {
                        return;
                    }
                    throw new IllegalStateException("This permit on host " + host.id
                            + " is already committed as lobby " + Slots.lobbyId(this)
                            + "; acquire a new permit for lobby " + lobbyId + ".");
                case EXPIRED:
                    throw new PermitExpiredException("The permit for session " + sessionId + " on host "
                            + host.id + " expired at " + expiresAt() + " before lobby " + lobbyId
                            + " was committed, so its slot was given back. The lobby is not recorded:"
                            + " stop it, or acquire a new permit and commit it again.");
                default:
                    throw new IllegalStateException("This permit on host " + host.id
                            + " was closed without commit; acquire a new permit for lobby " + lobbyId + ".");
            }
            Instant now = host.clock.instant();
            try {
                host.store.saveLobby(new LobbyRecord(lobbyId, host.id, sessionId, pinOrNull, now, now));
            } catch (RuntimeException e) {
                host.ledger.abortCommit(this);
                throw e;
            }
            host.ledger.completeCommit(this, lobbyId);
        }
        if (log.isDebugEnabled()) {
            log.atDebug().addKeyValue("host", host.id).addKeyValue("session", sessionId)
                    .addKeyValue("lobby", lobbyId).log("Lobby committed");
        }
    }

    /**
     * Gives the slot back unless committed; does nothing if already finished. Never throws.
     * Called while another thread commits, it lets the commit win, or returns the slot if
     * that commit fails.
     */
    @Override
    public void close() {
        host.ledger.release(this);
    }

    /** Ids, numbers and state only: a permit never holds a PIN. */
    @Override
    public String toString() {
        return "Permit[host=" + host.id + ", session=" + sessionId + ", state=" + state()
                + ", lobby=" + Slots.lobbyId(this) + ", active=" + activeAfter() + "/" + cap()
                + (warning() ? ", warning" : "") + ", health=" + healthStatus + "]";
    }
}
