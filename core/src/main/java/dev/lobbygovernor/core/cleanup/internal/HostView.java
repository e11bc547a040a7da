package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionState;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the planner knows of one host at the start of a cycle: its lobby records with
 * their sessions, and what the runtime listed. Read in that order, so that a lobby committed
 * after the records were read shows up as a young orphan (covered by the grace period), never
 * as a record whose lobby is missing.
 *
 * @param hostId the host
 * @param records the host's lobby records, each with its session's state
 * @param runtime what the runtime listed, or why it could not
 */
record HostView(String hostId, List<TrackedRecord> records, RuntimeView runtime, Set<String> reservedNames) {

    HostView {
        Objects.requireNonNull(hostId, "hostId");
        records = List.copyOf(records);
        Objects.requireNonNull(runtime, "runtime");
        reservedNames = Set.copyOf(reservedNames);
    }

    HostView(String hostId, List<TrackedRecord> records, RuntimeView runtime) {
        this(hostId, records, runtime, Set.of());
    }

    /**
     * A lobby record and its session.
     *
     * @param record the record, credentials included
     * @param session the session's state, or {@code null} when the store could not say
     */
    record TrackedRecord(LobbyRecord record, SessionState session) {
        TrackedRecord {
            Objects.requireNonNull(record, "record");
        }
    }

    /** The runtime's answer to "which lobbies run?". */
    sealed interface RuntimeView {
    }

    /** The runtime answered. */
    record Listed(List<LiveLobby> lobbies) implements RuntimeView {
        Listed {
            lobbies = List.copyOf(lobbies);
        }
    }

    /** The runtime could not be asked; nothing is known of the host's lobbies. */
    record Unreachable(FailureReason reason, String detail) implements RuntimeView {
        Unreachable {
            Objects.requireNonNull(reason, "reason");
            detail = Objects.requireNonNullElse(detail, "");
        }
    }
}
