package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.GovernorStatus;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Assembles {@link GovernorStatus}: the slow, I/O-doing read of every host. */
public final class StatusReport {

    private static final Logger log = LoggerFactory.getLogger(StatusReport.class);

    private StatusReport() {
    }

    /**
     * Every host's status now; lists hosts whose listing is stale and reads the store.
     *
     * @param hosts the hosts, in the order to report them
     * @param store where lobby records are read
     * @param clock the time source
     * @return the status
     */
    public static GovernorStatus of(HostState[] hosts, SessionStore store, Clock clock) {
        Instant now = clock.instant();
        List<HostStatus> out = new ArrayList<>(hosts.length);
        for (HostState h : hosts) {
            out.add(host(h, store, clock, now));
        }
        return new GovernorStatus(now, out);
    }

    private static HostStatus host(HostState h, SessionStore store, Clock clock, Instant now) {
        boolean reachable = h.ensureFresh(clock.millis());
        LedgerCounts counts = h.ledger().counts(clock.millis());
        HostHealth health = h.health();
        Optional<Duration> sampleAge = health.lastGoodSampleAt().map(t -> HostLobbies.since(t, now));
        return new HostStatus(h.id(), health.status(), counts.active(), counts.reserved(), counts.cap(),
                counts.warningThreshold(), health.monitoringWorking(), health.probeSource(), sampleAge,
                reachable, lobbies(h, store, now));
    }

    /** Recorded lobbies oldest first, then leaked ones (no record, so no age) by id. */
    private static List<LobbyStatus> lobbies(HostState h, SessionStore store, Instant now) {
        List<LobbyRecord> records;
        try {
            records = HostLobbies.recordedRunning(store, h);
        } catch (StoreException e) {
            log.atWarn().addKeyValue("host", h.id()).addKeyValue("error", e.getMessage())
                    .log("Status without lobby ages: the store cannot be read");
            records = List.of();
        }
        List<LobbyStatus> out = new ArrayList<>();
        Set<String> recorded = new HashSet<>();
        for (LobbyRecord r : records) {
            recorded.add(r.lobbyId());
            out.add(new LobbyStatus(r.lobbyId(), Optional.of(r.sessionId()),
                    Optional.of(HostLobbies.since(r.createdAt(), now)),
                    Optional.of(HostLobbies.since(r.lastActivityAt(), now))));
        }
        for (String id : new TreeSet<>(h.ledger().countedLobbies())) {
            if (!recorded.contains(id)) {
                out.add(new LobbyStatus(id, Optional.empty(), Optional.empty(), Optional.empty()));
            }
        }
        return out;
    }
}
