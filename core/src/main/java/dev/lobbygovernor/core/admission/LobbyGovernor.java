package dev.lobbygovernor.core.admission;

import dev.lobbygovernor.core.admission.internal.AdmissionEvents;
import dev.lobbygovernor.core.admission.internal.Denials;
import dev.lobbygovernor.core.admission.internal.HostPermit;
import dev.lobbygovernor.core.admission.internal.HostState;
import dev.lobbygovernor.core.admission.internal.LastResortStopper;
import dev.lobbygovernor.core.admission.internal.LedgerCounts;
import dev.lobbygovernor.core.admission.internal.Placement;
import dev.lobbygovernor.core.admission.internal.ReservationDesk;
import dev.lobbygovernor.core.admission.internal.StatusReport;
import dev.lobbygovernor.core.health.HostCapacity;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.InProcessAdmissionLedger;
import dev.lobbygovernor.store.SessionStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control for lobbies on one or more streaming hosts: {@link #acquire} grants a
 * {@link Permit} or throws {@link AdmissionDeniedException} before a lobby is created.
 *
 * <p>A host's count is what actually runs or may run: its runtime's lobby listing (cached for
 * {@link GovernorConfig#runtimeListTtl()}; lobbies nobody recorded count too), united with the
 * lobbies recorded in the store that a listing may not show yet
 * ({@link GovernorConfig#listingDelay()}), plus the reservations that still count. Its cap is the smallest
 * of the static, GPU-memory and encoder caps, precomputed whenever health is reported.
 *
 * <p>{@code acquire} writes a reservation (the lobby's PIN and unique name) to the store before
 * it returns, through the {@link AdmissionLedger}, which makes check-and-reserve atomic. With
 * the default {@link InProcessAdmissionLedger in-process ledger} the cap holds across the
 * governors of <em>one process</em>; for several control-plane replicas sharing a database,
 * give every replica a ledger over that database ({@code JdbcAdmissionLedger}) and the cap holds
 * across all of them.
 *
 * <p>Thread-safe. Starts no threads and holds nothing to close.
 */
public final class LobbyGovernor {

    private static final Logger log = LoggerFactory.getLogger(LobbyGovernor.class);

    private final SessionStore store;
    private final Clock clock;
    private final GovernorConfig config;
    private final Map<String, HostState> hosts;
    private final HostState[] hostOrder;
    private final ReservationDesk desk;
    private final LastResortStopper lastResort;
    private final Denials denials;
    private final AdmissionEvents events;
    private final Placement placement;

    private LobbyGovernor(Builder b) {
        this.store = Objects.requireNonNull(b.store, "store is required");
        this.clock = b.clock;
        this.config = b.config;
        if (b.hosts.isEmpty()) {
            throw new IllegalArgumentException("at least one host is required");
        }
        long listTtl = config.runtimeListTtl().toMillis();
        Map<String, HostState> byId = new LinkedHashMap<>();
        for (Host h : b.hosts) {
            if (byId.put(h.id(), new HostState(h, clock, listTtl, config.listingWait().toMillis(), config.blindAdmission())) != null) {
                throw new IllegalArgumentException("duplicate host id " + h.id());
            }
        }
        this.hosts = Collections.unmodifiableMap(byId);
        this.hostOrder = byId.values().toArray(new HostState[0]);
        this.events = new AdmissionEvents(b.listeners);
        AdmissionLedger ledger = b.ledger != null ? b.ledger : new InProcessAdmissionLedger(store);
        this.desk = new ReservationDesk(ledger, store, clock, config.permitTtl(), config.listingDelay(), events);
        this.lastResort = config.lastResort().enabled()
                ? new LastResortStopper(store, clock, config.lastResort().minIdle(), desk) : null;
        this.denials = new Denials(clock, config.suggestionLimit(), desk);
        this.placement = new Placement(hostOrder, desk, denials, clock);
    }

    /**
     * Starts building a governor; {@link Builder#store} and at least one {@link Builder#host}
     * are required, everything else has a default.
     *
     * @return a new, empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The configuration this governor was built with; it never changes afterwards.
     *
     * @return the configuration in use
     */
    public GovernorConfig config() {
        return config;
    }

    /**
     * Grants a slot for one lobby, on the requested host or else on the least-loaded admissible
     * one, and records it in the store as a reservation before returning. Then create the lobby
     * through {@link Permit#create} (or {@link Permit#beginCreate()} and {@link Permit#commit}),
     * inside try-with-resources.
     *
     * <p>With no host named, hosts are ranked by their last listings (which the health monitor's
     * polls keep fresh through {@link #capacity}) and one read of the store, and only the host
     * granted on is listed afresh, so an admission costs about what one named host costs however
     * large the fleet. A host whose last listing shows it full refuses with those numbers; one
     * whose listing is under way or failed is tried last, so a hung host delays no admission
     * another host can take.
     *
     * @param request the session the lobby is for, optionally the host it must run on, and its
     *     PIN
     * @return an open permit holding one slot on the chosen host
     * @throws AdmissionDeniedException if no host can take the lobby: it says why, on which
     *     host, the count and cap, and (when the store knows them) which idle lobbies to close
     * @throws dev.lobbygovernor.store.StoreException if the reservation cannot be recorded:
     *     nothing was reserved, so no lobby may be created
     * @throws IllegalArgumentException if the requested host is unknown
     * @throws NullPointerException if {@code request} is null
     */
    public Permit acquire(AdmissionRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.hostId().isPresent()) {
            return acquireOn(hostNamed(request.hostId().get()), request);
        }
        if (hostOrder.length == 1) {
            return acquireOn(hostOrder[0], request);
        }
        return place(request);
    }

    private Permit acquireOn(HostState host, AdmissionRequest request) {
        ReservationDesk.Booking booking = desk.book(host, request);
        if (booking.permit() != null) {
            return granted(host, booking.permit());
        }
        HostDenial denial = denials.of(host, booking.refusal());
        if (denial.reason().isCapacity()) {
            Permit rescued = tryLastResort(host, request);
            if (rescued != null) {
                return rescued;
            }
        }
        throw refused(request.sessionId(), AdmissionDeniedException.of(denial));
    }

    /**
     * Ranked from the last listings and one read of the store; only the chosen host is listed
     * afresh before the grant (see {@link Placement}).
     */
    private Permit place(AdmissionRequest request) {
        Placement.Outcome outcome = placement.place(request);
        if (outcome.permit() != null) {
            return granted(outcome.host(), outcome.permit());
        }
        for (HostState full : outcome.full()) {
            Permit rescued = tryLastResort(full, request);
            if (rescued != null) {
                return rescued;
            }
        }
        throw refused(request.sessionId(), outcome.denied());
    }

    private AdmissionDeniedException refused(String sessionId, AdmissionDeniedException denial) {
        denials.logRefusal(sessionId, denial);
        events.refused(sessionId, denial);
        return denial;
    }

    private Permit granted(HostState host, HostPermit permit) {
        if (log.isDebugEnabled()) {
            log.atDebug().addKeyValue("host", host.id()).addKeyValue("session", permit.sessionId())
                    .addKeyValue("reservation", permit.reservationId()).addKeyValue("active", permit.activeAfter())
                    .addKeyValue("cap", permit.cap()).addKeyValue("warning", permit.warning())
                    .log("Lobby slot granted");
        }
        events.granted(() -> PermitEvent.of(permit));
        return permit;
    }

    private Permit tryLastResort(HostState host, AdmissionRequest request) {
        if (lastResort == null) {
            return null;
        }
        HostPermit permit = lastResort.admit(host, request);
        return permit != null ? granted(host, permit) : null;
    }

    /**
     * Reports activity on a lobby that the host application knows of (a user typed, a client
     * reconnected): moves its record's last activity to now. The reaper's idle timeout and the
     * last resort judge idleness by that time; the reaper also counts a lobby with connected
     * streaming clients as active on each cycle, so call this for activity the runtime cannot see.
     *
     * @param lobbyId the lobby, as committed
     * @return whether the lobby has a record (false: not committed, or already cleaned up)
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be written
     */
    public boolean touch(String lobbyId) {
        Objects.requireNonNull(lobbyId, "lobbyId");
        return store.touchLobby(lobbyId, clock.instant());
    }

    /**
     * Takes a host's latest health: the GPU-memory cap follows its last good sample while
     * monitoring works; while monitoring is lost or unknown only count-based caps apply (or, if
     * configured to fail closed, the host refuses everything). Reports older than one already
     * taken are ignored; reports for unknown hosts are logged and ignored. Never throws for a
     * well-formed report. Does no I/O: pass it to {@code HealthMonitor.Builder.sink}.
     *
     * @param health a host's latest health
     */
    public void reportHealth(HostHealth health) {
        Objects.requireNonNull(health, "health");
        HostState host = hosts.get(health.hostId());
        if (host == null) {
            log.atWarn().addKeyValue("host", health.hostId()).log("Health reported for an unknown host; ignored");
            return;
        }
        host.applyHealth(health);
    }

    /**
     * A host's count, caps and streaming lobbies now. Lists the host again when the cached
     * listing is stale, since the health monitor classifies against it; admissions never call it.
     * Pass it to {@code HealthMonitor.Builder.capacity}.
     *
     * @param hostId the host
     * @return the host's count, caps and lobbies with a connected client
     * @throws IllegalArgumentException if the host is unknown
     * @throws dev.lobbygovernor.store.StoreException if the store cannot be read
     */
    public HostCapacity capacity(String hostId) {
        HostState host = hostNamed(hostId);
        long now = clock.millis();
        host.ensureFresh(now);
        LedgerCounts c = desk.counts(host);
        return new HostCapacity(c.active(), c.cap(), c.warningThreshold(), host.streamingIfFresh(now));
    }

    /**
     * Every host's health, count, cap and lobbies. Lists hosts whose listing is stale and
     * reads the store, so it is for dashboards, not hot paths.
     *
     * @return a snapshot of every host, in the order they were added to the builder
     */
    public GovernorStatus status() {
        return StatusReport.of(hostOrder, clock, desk);
    }

    private HostState hostNamed(String hostId) {
        HostState host = hosts.get(hostId);
        if (host == null) {
            throw new IllegalArgumentException("Unknown host '" + hostId + "'; known hosts: " + hosts.keySet());
        }
        return host;
    }

    /** Builds a {@link LobbyGovernor}; {@link #build()} validates. */
    public static final class Builder {
        private SessionStore store;
        private Clock clock = Clock.systemUTC();
        private GovernorConfig config = GovernorConfig.defaults();
        private AdmissionLedger ledger;
        private final List<Host> hosts = new ArrayList<>();
        private final List<AdmissionListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * Sets where committed lobbies' credentials are recorded (required). The governor also
         * uses it for idle-lobby suggestions, {@link LobbyGovernor#touch} and
         * {@link LobbyGovernor#status()}.
         *
         * @param sessionStore the store; not null
         * @return this builder
         */
        public Builder store(SessionStore sessionStore) {
            this.store = Objects.requireNonNull(sessionStore, "store");
            return this;
        }

        /**
         * Sets the time source for permit deadlines, listing freshness and activity stamps;
         * {@link Clock#systemUTC()} by default. Tests pass a fixed or stepping clock.
         *
         * @param source the clock; not null
         * @return this builder
         */
        public Builder clock(Clock source) {
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /**
         * Sets where check-and-reserve is made atomic; by default
         * {@link InProcessAdmissionLedger} over the {@linkplain #store store}, which holds the
         * cap across the governors of this process only. Replicas that share a database each
         * pass a ledger over it ({@code JdbcAdmissionLedger}) to hold the cap across all of
         * them; the store must then be over the same database.
         *
         * @param admissionLedger the ledger; not null
         * @return this builder
         */
        public Builder ledger(AdmissionLedger admissionLedger) {
            this.ledger = Objects.requireNonNull(admissionLedger, "ledger");
            return this;
        }

        /**
         * Sets the configuration; {@link GovernorConfig#defaults()} by default.
         *
         * @param configuration the configuration; not null
         * @return this builder
         */
        public Builder config(GovernorConfig configuration) {
            this.config = Objects.requireNonNull(configuration, "config");
            return this;
        }

        /**
         * Adds a host; ids must be unique. Hosts are tried in this order when loads tie.
         *
         * @param host the host, with its runtime and limits; not null
         * @return this builder
         */
        public Builder host(Host host) {
            this.hosts.add(Objects.requireNonNull(host, "host"));
            return this;
        }

        /**
         * Adds a listener for grants, refusals and how each permit ends; listeners are called
         * in the order they were added.
         *
         * @param listener the listener; not null
         * @return this builder
         */
        public Builder listener(AdmissionListener listener) {
            this.listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Builds the governor from what was set.
         *
         * @return a new governor, ready for {@link LobbyGovernor#acquire}
         * @throws NullPointerException if no store was set
         * @throws IllegalArgumentException if no host was added, or two hosts share an id
         */
        public LobbyGovernor build() {
            return new LobbyGovernor(this);
        }
    }
}
