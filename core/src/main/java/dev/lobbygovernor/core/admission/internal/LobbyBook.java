package dev.lobbygovernor.core.admission.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lobbies that count on a host: the latest runtime listing united with the lobbies
 * committed through the governor, with the size of the union kept up to date. Not
 * thread-safe: its {@link HostLedger} guards it with the ledger's lock.
 *
 * <p>A committed lobby is forgotten only when a listing that <em>started after its commit</em>
 * no longer shows it; a listing that began before the commit may simply predate the lobby.
 * Commits are numbered for that ({@link #mark()}).
 */
final class LobbyBook {

    private Set<String> listed = Set.of();
    private final Map<String, Long> committed = new HashMap<>();
    private int committedUnlisted;
    private long commitSeq;

    /** How many lobbies count: listed or committed, each once. */
    int size() {
        return listed.size() + committedUnlisted;
    }

    /** Records a committed lobby; committing the same id twice counts it once. */
    void commit(String lobbyId) {
        if (committed.put(lobbyId, ++commitSeq) == null && !listed.contains(lobbyId)) {
            committedUnlisted++;
        }
    }

    /** The latest commit number: take it before asking the runtime for a listing. */
    long mark() {
        return commitSeq;
    }

    /** Takes a listing requested after {@code mark}; forgets committed lobbies it shows stopped. */
    void apply(Set<String> ids, long mark) {
        listed = ids;
        committed.entrySet().removeIf(e -> e.getValue() <= mark && !ids.contains(e.getKey()));
        int unlisted = 0;
        for (String id : committed.keySet()) {
            if (!ids.contains(id)) {
                unlisted++;
            }
        }
        committedUnlisted = unlisted;
    }

    /** A copy of every lobby that counts. */
    Set<String> counted() {
        Set<String> out = new HashSet<>(listed);
        out.addAll(committed.keySet());
        return out;
    }
}
