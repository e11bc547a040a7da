package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.IdleLobbySuggestion;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.StoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host's counted lobbies joined with their store records: for denial suggestions, the last
 * resort and status. Slow-path only (it reads the store).
 */
final class HostLobbies {

    private static final Logger log = LoggerFactory.getLogger(HostLobbies.class);

    static final Comparator<LobbyRecord> LONGEST_IDLE_FIRST =
            Comparator.comparing(LobbyRecord::lastActivityAt)
                    .thenComparing(LobbyRecord::createdAt)
                    .thenComparing(LobbyRecord::lobbyId);

    private HostLobbies() {
    }

    /**
     * The records of the lobbies that count on the host now (records of lobbies that no longer
     * run are left out), in the store's order: oldest first.
     *
     * @throws StoreException if the store cannot be read
     */
    static List<LobbyRecord> recordedRunning(ReservationDesk desk, HostState host) {
        return recordedRunning(desk.counted(host, host.lastListing()));
    }

    /** The records among what was counted: all of them, since every record counts. */
    static List<LobbyRecord> recordedRunning(Counted counted) {
        List<LobbyRecord> out = new ArrayList<>();
        for (LobbyRecord r : counted.records().lobbies()) {
            if (counted.count().lobbies().contains(r.lobbyId())) {
                out.add(r);
            }
        }
        return out;
    }

    /** Up to {@code limit} lobbies to suggest closing, longest idle first; empty if unknown. */
    static List<IdleLobbySuggestion> suggestions(ReservationDesk desk, HostState host, Instant now, int limit) {
        if (limit == 0) {
            return List.of();
        }
        Counted counted;
        try {
            counted = desk.counted(host, host.lastListing());
        } catch (StoreException e) {
            log.atDebug().addKeyValue("host", host.id()).addKeyValue("error", e.getMessage())
                    .log("No idle-lobby suggestions: the store cannot be read");
            return List.of();
        }
        return suggestions(counted, now, limit);
    }

    /** Up to {@code limit} lobbies to suggest closing among what was counted, longest idle first. */
    static List<IdleLobbySuggestion> suggestions(Counted counted, Instant now, int limit) {
        if (limit == 0) {
            return List.of();
        }
        List<LobbyRecord> records = new ArrayList<>(recordedRunning(counted));
        records.sort(LONGEST_IDLE_FIRST);
        List<IdleLobbySuggestion> out = new ArrayList<>();
        for (LobbyRecord r : records.subList(0, Math.min(limit, records.size()))) {
            out.add(new IdleLobbySuggestion(r.lobbyId(), since(r.createdAt(), now), since(r.lastActivityAt(), now)));
        }
        return out;
    }

    /** The time from {@code then} to {@code now}, never negative (clocks can disagree). */
    static Duration since(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
