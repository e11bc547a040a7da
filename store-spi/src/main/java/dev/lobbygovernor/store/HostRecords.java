package dev.lobbygovernor.store;

import java.util.List;
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
}
