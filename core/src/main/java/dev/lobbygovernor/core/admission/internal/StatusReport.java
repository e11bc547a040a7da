package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.GovernorStatus;
import dev.lobbygovernor.core.admission.GpuStatus;
import dev.lobbygovernor.core.admission.HostStatus;
import dev.lobbygovernor.core.admission.LobbyStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
     * Every host's status now; lists hosts whose listing is stale, then reads the store once for
     * every host ({@link dev.lobbygovernor.store.SessionStore#recordsByHost()}), so that a fleet
     * costs one read, not two per host.
     *
     * @param hosts the hosts, in the order to report them
     * @param clock the time source
     * @param desk where counts are made
     * @return the status
     */
    public static GovernorStatus of(HostState[] hosts, Clock clock, ReservationDesk desk) {
        boolean[] reachable = new boolean[hosts.length];
        for (int i = 0; i < hosts.length; i++) {
            reachable[i] = hosts[i].ensureFresh(clock.millis());
        }
        Map<String, HostRecords> records;
        try {
            records = desk.recordsByHost();
        } catch (StoreException e) {
            log.atWarn().addKeyValue("error", e.getMessage())
                    .log("Status counts the listings alone: the store cannot be read");
            records = null;
        }
        Instant now = clock.instant();
        List<HostStatus> out = new ArrayList<>(hosts.length);
        for (int i = 0; i < hosts.length; i++) {
            HostState h = hosts[i];
            Listing listing = h.lastListing();
            Counted counted = records != null ? desk.counted(h, listing, records)
                    : desk.listingOnly(h, listing);
            out.add(host(h, counted, listing, reachable[i], now));
        }
        return new GovernorStatus(now, out);
    }

    private static HostStatus host(HostState h, Counted counted, Listing listing, boolean reachable, Instant now) {
        LedgerCounts counts = counted.counts();
        HostHealth health = h.health();
        Optional<Duration> sampleAge = health.lastGoodSampleAt().map(t -> HostLobbies.since(t, now));
        return new HostStatus(h.id(), health.status(), counts.active(), counts.reserved(), counts.cap(),
                counts.warningThreshold(), health.monitoringWorking(), health.probeSource(), sampleAge,
                reachable, lobbies(counted, now), health.server(), gpus(h, counted, listing, now));
    }

    /** Each GPU of a host that places lobbies per GPU, with what is placed on it. */
    private static List<GpuStatus> gpus(HostState h, Counted counted, Listing listing, Instant now) {
        EffectiveCap cap = h.cap();
        if (cap.gpus().isEmpty()) {
            return List.of();
        }
        GpuChoice.Loads loads = GpuChoice.loads(cap, listing, counted.records(), counted.count(), now);
        List<GpuStatus> out = new ArrayList<>(cap.gpus().size());
        for (int i = 0; i < cap.gpus().size(); i++) {
            GpuSlot slot = cap.gpus().get(i);
            DenialReason refusal = slot.unavailable() == null ? null
                    : slot.unavailable() == LimitKind.GPU_FAULT ? DenialReason.GPU_FAULT : DenialReason.MONITORING_LOST;
            out.add(new GpuStatus(h.renderNodeOf(slot.uuid()), slot.uuid(), loads.lobbies()[i], slot.cap(), refusal));
        }
        return out;
    }

    /** Recorded lobbies oldest first, then leaked ones (no record, so no age) by id. */
    private static List<LobbyStatus> lobbies(Counted counted, Instant now) {
        Set<String> counts = counted.count().lobbies();
        List<LobbyStatus> out = new ArrayList<>(counts.size());
        for (LobbyRecord r : counted.records().lobbies()) {
            if (counts.contains(r.lobbyId())) {
                out.add(new LobbyStatus(r.lobbyId(), Optional.of(r.sessionId()),
                        Optional.of(HostLobbies.since(r.createdAt(), now)),
                        Optional.of(HostLobbies.since(r.lastActivityAt(), now))));
            }
        }
        if (out.size() < counts.size()) { // some run with no record: leaked
            Set<String> recorded = new HashSet<>();
            for (LobbyStatus l : out) {
                recorded.add(l.lobbyId());
            }
            for (String id : new TreeSet<>(counts)) {
                if (!recorded.contains(id)) {
                    out.add(new LobbyStatus(id, Optional.empty(), Optional.empty(), Optional.empty()));
                }
            }
        }
        return out;
    }
}
