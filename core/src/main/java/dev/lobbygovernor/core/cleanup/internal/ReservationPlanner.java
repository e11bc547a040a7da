package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled.Resolution;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what becomes of one host's reservations in a cleanup cycle. A pure function: no I/O,
 * no clock.
 *
 * <ul>
 *   <li>A reservation with no create attempt is removed once expired: it stopped counting then.
 *   <li>A reservation whose create was attempted is left alone while its permit may still
 *       commit: until it is abandoned (closed without a commit) or past its expiry.
 *   <li>An abandoned one whose lobby the runtime lists by name is settled: removed if a record
 *       already holds that lobby (the commit finished), else the lobby is stopped with the stored
 *       PIN and the reservation removed once the stop is verified.
 *   <li>An abandoned one whose lobby is not listed is removed only once the listing was made at
 *       least the longest create time after the attempt: before that the lobby may still appear.
 * </ul>
 */
final class ReservationPlanner {

    private ReservationPlanner() {
    }

    /**
     * One settlement to carry out.
     *
     * @param reservation the reservation
     * @param resolution how it is settled ({@link Resolution#STOPPED}: stop {@code lobby} first)
     * @param lobby the lobby listed by its name, or {@code null}
     */
    record Settlement(ReservationRecord reservation, Resolution resolution, LiveLobby lobby) {
    }

    /**
     * Plans one host's settlements.
     *
     * @param reservations the host's reservations
     * @param listed what the runtime listed, asked no earlier than {@code listedAt}
     * @param recorded the ids of lobbies that have records
     * @param maxCreateTime the longest a runtime takes to list a lobby it was asked to create
     * @param listedAt no later than when the runtime was asked
     */
    static List<Settlement> plan(List<ReservationRecord> reservations, List<LiveLobby> listed, Set<String> recorded,
            Duration maxCreateTime, Instant listedAt) {
        Map<String, LiveLobby> byName = new HashMap<>();
        for (LiveLobby lobby : listed) {
            if (!lobby.name().isEmpty()) {
                byName.put(lobby.name(), lobby);
            }
        }
        List<Settlement> out = new ArrayList<>();
        for (ReservationRecord r : reservations) {
            if (r.phase() == ReservationRecord.Phase.RESERVED) {
                if (!listedAt.isBefore(r.expiresAt())) {
                    out.add(new Settlement(r, Resolution.EXPIRED, null));
                }
                continue;
            }
            boolean abandoned = r.phase() == ReservationRecord.Phase.ABANDONED || !listedAt.isBefore(r.expiresAt());
            if (!abandoned) {
                continue;
            }
            LiveLobby lobby = byName.get(r.lobbyName());
            if (lobby != null) {
                out.add(new Settlement(r, recorded.contains(lobby.id()) ? Resolution.COMMITTED : Resolution.STOPPED,
                        lobby));
            } else if (!listedAt.isBefore(r.createStartedAt().plus(maxCreateTime))) {
                out.add(new Settlement(r, Resolution.ABSENT, null));
            }
        }
        return out;
    }
}
