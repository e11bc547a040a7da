package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.admission.PermitExpiredException;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link Permit} a {@link HostState} grants: a view of one {@link Reservation} in its ledger. */
public final class HostPermit implements Permit {

    private static final Logger log = LoggerFactory.getLogger(HostPermit.class);

    private final HostState host;
    private final String sessionId;
    private final HealthStatus healthStatus;
    private final Reservation slot = new Reservation();

    /**
     * A permit not yet granted: its host's ledger grants it (or refuses) through
     * {@link #reservation()}.
     *
     * @param host the host the slot is asked on
     * @param sessionId the session the lobby is for
     */
    public HostPermit(HostState host, String sessionId) {
        this.host = host;
        this.sessionId = sessionId;
        this.healthStatus = host.health().status();
    }

    /**
     * The slot the ledger grants.
     *
     * @return the reservation
     */
    public Reservation reservation() {
        return slot;
    }

    @Override
    public String hostId() {
        return host.id();
    }

    @Override
    public String sessionId() {
        return sessionId;
    }

    // The grant numbers are written under the ledger's lock before the grant returns and never
    // change, so the granted thread and anyone it hands the permit to read them safely.
    @Override
    public int activeAfter() {
        return slot.activeAfter;
    }

    @Override
    public int cap() {
        return slot.cap;
    }

    @Override
    public boolean warning() {
        return slot.activeAfter >= slot.warningThreshold;
    }

    @Override
    public HealthStatus healthStatus() {
        return healthStatus;
    }

    @Override
    public Instant expiresAt() {
        return Instant.ofEpochMilli(slot.deadlineMillis);
    }

    @Override
    public Optional<String> lobbyId() {
        return Optional.ofNullable(host.ledger().lobbyIdOf(slot));
    }

    @Override
    public State state() {
        return host.ledger().stateOf(slot, host.clock().millis());
    }

    @Override
    public void commit(String lobbyId, LobbyPin pinOrNull) {
        if (lobbyId == null || lobbyId.isBlank()) {
            throw new IllegalArgumentException("lobbyId must not be blank");
        }
        HostLedger ledger = host.ledger();
        // One commit at a time per permit; the ledger's lock guards the slot itself and is not
        // held while the store is written.
        synchronized (this) {
            if (!ledger.beginCommit(slot, host.clock().millis())) {
                refuseCommit(lobbyId, ledger.stateOf(slot, host.clock().millis()));
                return;
            }
            Instant now = host.clock().instant();
            try {
                host.store().saveLobby(new LobbyRecord(lobbyId, host.id(), sessionId, pinOrNull, now, now));
            } catch (RuntimeException e) {
                ledger.abortCommit(slot);
                throw e;
            }
            ledger.completeCommit(slot, lobbyId);
        }
        if (log.isDebugEnabled()) {
            log.atDebug().addKeyValue("host", host.id()).addKeyValue("session", sessionId)
                    .addKeyValue("lobby", lobbyId).log("Lobby committed");
        }
    }

    /** Returns only for a repeated commit of the same lobby; otherwise says why it cannot commit. */
    private void refuseCommit(String lobbyId, State state) {
        switch (state) {
            case COMMITTED:
                String committedAs = host.ledger().lobbyIdOf(slot);
                if (lobbyId.equals(committedAs)) {
                    return;
                }
                throw new IllegalStateException("This permit on host " + host.id()
                        + " is already committed as lobby " + committedAs
                        + "; acquire a new permit for lobby " + lobbyId + ".");
            case EXPIRED:
                throw new PermitExpiredException("The permit for session " + sessionId + " on host "
                        + host.id() + " expired at " + expiresAt() + " before lobby " + lobbyId
                        + " was committed, so its slot was given back. The lobby is not recorded:"
                        + " stop it, or acquire a new permit and commit it again.");
            default:
                throw new IllegalStateException("This permit on host " + host.id()
                        + " was closed without commit; acquire a new permit for lobby " + lobbyId + ".");
        }
    }

    @Override
    public void close() {
        host.ledger().release(slot);
    }

    /** Ids, numbers and state only: a permit never holds a PIN. */
    @Override
    public String toString() {
        return "Permit[host=" + host.id() + ", session=" + sessionId + ", state=" + state()
                + ", lobby=" + host.ledger().lobbyIdOf(slot) + ", active=" + activeAfter() + "/" + cap()
                + (warning() ? ", warning" : "") + ", health=" + healthStatus + "]";
    }
}
