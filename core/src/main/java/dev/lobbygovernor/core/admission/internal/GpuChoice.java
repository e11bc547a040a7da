package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.EncoderCapScope;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which GPU of a host that places lobbies per GPU takes the next lobby: the one with the
 * smallest share of its cap in use, among those that take lobbies and have room. Decided inside
 * the ledger's turn for the host, from the same records the host's count came from, so two
 * replicas never both fill a GPU's last slot.
 *
 * <p>A lobby is on the GPU its record or reservation names. A lobby nothing places (listed
 * without a record, or recorded before the host's GPUs were told apart) may be on any of them,
 * so it counts against every one: a GPU is never filled past its cap by lobbies the governor
 * cannot place, at the price of refusing early while such lobbies run.
 */
final class GpuChoice {

    /**
     * The outcome: a GPU, or why none.
     *
     * @param gpu the chosen GPU's UUID, or {@code null} if refused
     * @param refusal why no GPU takes the lobby, or {@code null} if one does
     */
    record Choice(String gpu, Refusal refusal) {
    }

    private GpuChoice() {
    }

    /**
     * What is on each GPU: the lobbies and open reservations placed there, their streams, and
     * what nothing places.
     */
    record Loads(int[] lobbies, long[] streams, int unplaced, long unplacedStreams) {
    }

    static Loads loads(EffectiveCap cap, Listing listing, HostRecords records, HostCount count, Instant now) {
        List<GpuSlot> slots = cap.gpus();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            index.put(slots.get(i).uuid(), i);
        }
        int[] lobbies = new int[slots.size()];
        long[] streams = new long[slots.size()];
        Map<String, Integer> clients = null;
        int placed = 0;
        long placedStreams = 0;
        for (LobbyRecord r : records.lobbies()) {
            Integer i = index.get(r.gpu());
            if (i == null || !count.lobbies().contains(r.lobbyId())) {
                continue;
            }
            if (clients == null) {
                clients = clientsById(listing);
            }
            int demand = Math.max(clients.getOrDefault(r.lobbyId(), 0), 1);
            lobbies[i]++;
            streams[i] += demand;
            placed++;
            placedStreams += demand;
        }
        int unplacedReservations = 0;
        Map<String, String> gpuByName = new HashMap<>();
        for (ReservationRecord r : records.reservations()) {
            if (!r.countsAt(now)) {
                continue;
            }
            Integer i = index.get(r.gpu());
            if (listing.names().contains(r.lobbyName())) {
                if (i != null) {
                    gpuByName.put(r.lobbyName(), r.gpu()); // created, not committed yet: listed, on its GPU
                }
            } else if (i == null) {
                unplacedReservations++;
            } else {
                lobbies[i]++;
                streams[i]++;
                placedStreams++;
            }
        }
        if (!gpuByName.isEmpty()) {
            Set<String> recorded = new HashSet<>();
            records.lobbies().forEach(r -> recorded.add(r.lobbyId()));
            for (LiveLobby lobby : listing.lobbies()) {
                String gpu = gpuByName.remove(lobby.name()); // once per name, even if listed twice
                if (gpu != null && !recorded.contains(lobby.id()) && count.lobbies().contains(lobby.id())) {
                    int i = index.get(gpu);
                    int demand = Math.max(lobby.connectedSessions(), 1);
                    lobbies[i]++;
                    streams[i] += demand;
                    placed++;
                    placedStreams += demand;
                }
            }
        }
        int unplaced = count.lobbies().size() - placed + unplacedReservations;
        long unplacedStreams = Math.max(0, count.streams() - placedStreams);
        return new Loads(lobbies, streams, unplaced, unplacedStreams);
    }

    static Choice choose(EffectiveCap cap, Listing listing, HostRecords records, HostCount count, Instant now) {
        List<GpuSlot> slots = cap.gpus();
        Loads loads = loads(cap, listing, records, count, now);
        int[] lobbies = loads.lobbies();
        long[] streams = loads.streams();
        int unplaced = loads.unplaced();
        long unplacedStreams = loads.unplacedStreams();
        boolean encoderPerGpu = cap.encoderSessionCap() > 0 && cap.encoderScope() == EncoderCapScope.PER_GPU;
        int best = -1;
        Refusal closest = null;
        boolean faulted = false;
        for (int i = 0; i < slots.size(); i++) {
            GpuSlot slot = slots.get(i);
            if (slot.unavailable() != null) {
                faulted |= slot.unavailable() == LimitKind.GPU_FAULT;
                continue;
            }
            int load = lobbies[i] + unplaced;
            if (load >= slot.cap()) {
                closest = closer(closest, new Refusal(LimitKind.GPU_MEMORY, load, slot.cap()));
                continue;
            }
            if (encoderPerGpu) {
                long used = Math.max((streams[i] + unplacedStreams) * cap.sessionsPerStream(),
                        slot.observedEncoderSessions());
                if (used + cap.sessionsPerStream() > cap.encoderSessionCap()) {
                    closest = closer(closest, new Refusal(LimitKind.ENCODER_SESSIONS,
                            (int) Math.min(used, Integer.MAX_VALUE), cap.encoderSessionCap()));
                    continue;
                }
            }
            if (best < 0 || lessLoaded(load, slot.cap(), lobbies[best] + unplaced, slots.get(best).cap())) {
                best = i;
            }
        }
        if (best >= 0) {
            return new Choice(slots.get(best).uuid(), null);
        }
        if (closest != null) {
            return new Choice(null, closest);
        }
        // no GPU takes lobbies at all: a fault is the more specific reason
        return new Choice(null, new Refusal(faulted ? LimitKind.GPU_FAULT : LimitKind.BLIND_REFUSAL,
                count.active(), cap.cap()));
    }

    /** A smaller share of the cap in use; on equal shares, fewer lobbies; else the earlier GPU. */
    private static boolean lessLoaded(int load, int cap, int bestLoad, int bestCap) {
        long a = (long) load * bestCap;
        long b = (long) bestLoad * cap;
        return a < b || a == b && load < bestLoad;
    }

    /** The refusal of the GPU closest to having room: the fewest over its cap. */
    private static Refusal closer(Refusal current, Refusal candidate) {
        if (current == null) {
            return candidate;
        }
        long over = (long) candidate.active() - candidate.cap();
        long currentOver = (long) current.active() - current.cap();
        return over < currentOver ? candidate : current;
    }

    private static Map<String, Integer> clientsById(Listing listing) {
        Map<String, Integer> out = new HashMap<>();
        for (LiveLobby lobby : listing.lobbies()) {
            out.putIfAbsent(lobby.id(), lobby.connectedSessions());
        }
        return out;
    }
}
