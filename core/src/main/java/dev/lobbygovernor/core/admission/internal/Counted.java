package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.store.HostRecords;

/**
 * A host's counts with what they were counted from.
 *
 * @param counts the numbers
 * @param count the count, with the ids of the lobbies in it
 * @param records the store's records of the host
 */
record Counted(LedgerCounts counts, HostCount count, HostRecords records) {
}
