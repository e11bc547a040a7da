package dev.lobbygovernor.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store holds for one host at one moment: its lobby records and its reservations.
 * An {@link AdmissionLedger} hands it to the admission decision under the host's lock.
 *
 * @param hostId the host
 * @param lobbies its lobby records
 * @param reservations its reservations, in every phase
 */
public record HostRecords(String hostId, List<LobbyRecord> lobbies, List<ReservationRecord> reservations) {

    /**
     * Copies both lists.
     *
     * @param hostId the host; not null
     * @param lobbies its lobby records; not null
     * @param reservations its reservations; not null
     */
    public HostRecords {
        Objects.requireNonNull(hostId, "hostId");
        lobbies = List.copyOf(lobbies);
        reservations = List.copyOf(reservations);
    }

    /**
     * Groups every host's reservations and lobby records, keeping each list's order.
     *
     * @param reservations reservations on any hosts, in the order each host's should keep
     * @param lobbies lobby records on any hosts, in the order each host's should keep
     * @return one entry per host named by either list, in the order hosts first appear;
     *     unmodifiable
     */
    public static Map<String, HostRecords> grouped(List<ReservationRecord> reservations, List<LobbyRecord> lobbies) {
        Map<String, List<LobbyRecord>> lobbiesByHost = new LinkedHashMap<>();
        Map<String, List<ReservationRecord>> reservationsByHost = new LinkedHashMap<>();
        for (ReservationRecord r : reservations) {
            reservationsByHost.computeIfAbsent(r.hostId(), h -> new ArrayList<>()).add(r);
            lobbiesByHost.computeIfAbsent(r.hostId(), h -> new ArrayList<>());
        }
        for (LobbyRecord r : lobbies) {
            lobbiesByHost.computeIfAbsent(r.hostId(), h -> new ArrayList<>()).add(r);
        }
        Map<String, HostRecords> out = new LinkedHashMap<>();
        lobbiesByHost.forEach((host, own) -> out.put(host,
                new HostRecords(host, own, reservationsByHost.getOrDefault(host, List.of()))));
        return Collections.unmodifiableMap(out);
    }
}
