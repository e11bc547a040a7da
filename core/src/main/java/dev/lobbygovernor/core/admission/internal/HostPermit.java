package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.LobbyCreator;
import dev.lobbygovernor.core.admission.LobbyCredentials;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.admission.PermitEvent;
import dev.lobbygovernor.core.admission.PermitExpiredException;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionStore;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Permit} the {@link ReservationDesk} grants: a view of one reservation in the store.
 * Its own monitor orders its transitions; only callers of this permit ever wait on it, and the
 * store is written under it so that a close racing a commit sees the commit's outcome. Each
 * transition to an end state is told to the listeners once, from under that monitor.
 */
public final class HostPermit implements Permit {

    private static final Logger log = LoggerFactory.getLogger(HostPermit.class);

    private final HostState host;
    private final SessionStore store;
    private final HealthStatus healthStatus;
    private final int activeAfter;
    private final int cap;
    private final int warningThreshold;
    private final AdmissionEvents events;
    private ReservationRecord reservation; // guarded by this
    private State state = State.OPEN; // guarded by this
    private String lobbyId; // guarded by this
    private final String renderNode; // null where the host does not place lobbies per GPU

    HostPermit(HostState host, SessionStore store, ReservationRecord reservation, int activeAfter, int cap,
            int warningThreshold, AdmissionEvents events) {
        this.host = host;
        this.events = events;
        this.store = store;
        this.reservation = reservation;
        this.healthStatus = host.health().status();
        this.activeAfter = activeAfter;
        this.cap = cap;
        this.warningThreshold = warningThreshold;
        this.renderNode = host.renderNodeOf(reservation.gpu());
    }

    @Override
    public String reservationId() {
        return reservation.reservationId();
    }

    @Override
    public String hostId() {
        return host.id();
    }

    @Override
    public String sessionId() {
        return reservation.sessionId();
    }

    @Override
    public Optional<String> renderNode() {
        return Optional.ofNullable(renderNode);
    }

    @Override
    public int activeAfter() {
        return activeAfter;
    }

    @Override
    public int cap() {
        return cap;
    }

    @Override
    public boolean warning() {
        return activeAfter >= warningThreshold;
    }

    @Override
    public HealthStatus healthStatus() {
        return healthStatus;
    }

    @Override
    public Instant expiresAt() {
        return reservation.expiresAt();
    }

    @Override
    public synchronized Optional<String> lobbyId() {
        return Optional.ofNullable(lobbyId);
    }

    @Override
    public synchronized State state() {
        expireIfDue();
        return state;
    }

    /** An open permit past its deadline no longer counts: its slot may be someone else's. */
    private void expireIfDue() {
        if (state == State.OPEN && !host.clock().instant().isBefore(reservation.expiresAt())) {
            state = State.EXPIRED;
            events.expired(this::event);
        }
    }

    /** What listeners hear: ids and numbers, never the PIN. */
    private PermitEvent event() {
        return new PermitEvent(host.id(), reservation.sessionId(), reservation.reservationId(),
                Optional.ofNullable(lobbyId), activeAfter, cap, warning(), healthStatus);
    }

    @Override
    public synchronized LobbyCredentials beginCreate() {
        expireIfDue();
        switch (state) {
            case CREATING:
                return credentials();
            case OPEN:
                break;
            case EXPIRED:
                throw expired("before the lobby was created; do not create it");
            default:
                throw new IllegalStateException("This permit on host " + host.id() + " is " + state
                        + "; acquire a new permit to create a lobby.");
        }
        ReservationRecord creating = reservation.creating(host.clock().instant());
        if (!store.updateReservation(creating)) {
            state = State.EXPIRED;
            events.expired(this::event);
            throw expired("and its reservation is gone; do not create the lobby");
        }
        reservation = creating;
        state = State.CREATING;
        return credentials();
    }

    private LobbyCredentials credentials() {
        return new LobbyCredentials(reservation.lobbyName(), reservation.pin(), renderNode);
    }

    @Override
    public void commit(String lobbyId) {
        if (lobbyId == null || lobbyId.isBlank()) {
            throw new IllegalArgumentException("lobbyId must not be blank");
        }
        synchronized (this) {
            switch (state) {
                case CREATING:
                    break;
                case COMMITTED:
                    if (lobbyId.equals(this.lobbyId)) {
                        return;
                    }
                    throw new IllegalStateException("This permit on host " + host.id()
                            + " is already committed as lobby " + this.lobbyId
                            + "; acquire a new permit for lobby " + lobbyId + ".");
                case OPEN:
                    throw new IllegalStateException("Call beginCreate() (or create) before creating lobby " + lobbyId
                            + ": the reservation must say a create was attempted before the lobby exists.");
                case EXPIRED:
                    throw expired("before lobby " + lobbyId + " was committed; cleanup stops it if it runs");
                default:
                    throw new IllegalStateException("This permit on host " + host.id() + " was closed (" + state
                            + ") before lobby " + lobbyId + " was committed; cleanup reconciles it.");
            }
            Instant now = host.clock().instant();
            LobbyRecord record = new LobbyRecord(lobbyId, host.id(), reservation.sessionId(), reservation.pin(),
                    now, now, reservation.gpu());
            if (!store.commitReservation(reservation.reservationId(), record)) {
                state = State.EXPIRED;
                events.expired(this::event);
                throw expired("and cleanup reconciled its reservation before lobby " + lobbyId
                        + " was committed; the lobby, if it ran, was stopped");
            }
            this.lobbyId = lobbyId;
            state = State.COMMITTED;
            events.committed(this::event);
        }
        if (log.isDebugEnabled()) {
            log.atDebug().addKeyValue("host", host.id()).addKeyValue("session", sessionId())
                    .addKeyValue("lobby", lobbyId).log("Lobby committed");
        }
    }

    @Override
    public <E extends Exception> String create(LobbyCreator<E> creator) throws E {
        LobbyCredentials credentials = beginCreate();
        String created = creator.create(credentials);
        commit(created);
        return created;
    }

    private PermitExpiredException expired(String what) {
        return new PermitExpiredException("The permit for session " + sessionId() + " on host " + host.id()
                + " (reservation " + reservationId() + ") expired at " + expiresAt() + " " + what + ".");
    }

    @Override
    public synchronized void close() {
        expireIfDue();
        try {
            if (state == State.OPEN) {
                state = State.CLOSED;
                events.released(this::event);
                store.removeReservation(reservation.reservationId());
            } else if (state == State.CREATING) {
                state = State.UNRESOLVED;
                events.unresolved(this::event);
                ReservationRecord abandoned = reservation.abandoned();
                if (store.updateReservation(abandoned)) {
                    reservation = abandoned;
                }
                log.atWarn().addKeyValue("host", host.id()).addKeyValue("session", sessionId())
                        .addKeyValue("reservation", reservationId()).addKeyValue("lobbyName", reservation.lobbyName())
                        .log("Permit closed after a create attempt without a commit; its slot stays counted until"
                                + " cleanup finds the lobby and stops it, or proves it absent");
            }
        } catch (RuntimeException e) {
            // The reservation stays as it was: counted until its expiry (no create attempted) or
            // until cleanup reconciles it. Both are the safe side.
            log.atWarn().addKeyValue("host", host.id()).addKeyValue("reservation", reservationId())
                    .addKeyValue("state", state).addKeyValue("error", e.getMessage())
                    .log("Could not record the permit's end in the store; cleanup settles the reservation later");
        }
    }

    /** Ids, numbers and state only: the PIN never appears. */
    @Override
    public synchronized String toString() {
        expireIfDue();
        return "Permit[host=" + host.id() + ", session=" + sessionId() + ", reservation=" + reservationId()
                + ", state=" + state + ", lobby=" + lobbyId + ", active=" + activeAfter + "/" + cap
                + (warning() ? ", warning" : "") + ", health=" + healthStatus + "]";
    }
}
