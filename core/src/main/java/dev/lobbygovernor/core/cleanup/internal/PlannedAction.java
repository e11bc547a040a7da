package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.FailureReason;
import dev.lobbygovernor.core.cleanup.StopReason;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Instant;

/** One thing the planner decided to do about one lobby; the executor carries it out. */
sealed interface PlannedAction {

    /** The lobby the action is about. */
    String lobbyId();

    /** Stop a recorded lobby with its stored credentials, verify, then remove the record. */
    record StopRecorded(LobbyRecord record, StopReason reason) implements PlannedAction {
        @Override
        public String lobbyId() {
            return record.lobbyId();
        }
    }

    /** The runtime does not list the recorded lobby: remove the record. */
    record ForgetRecord(LobbyRecord record) implements PlannedAction {
        @Override
        public String lobbyId() {
            return record.lobbyId();
        }
    }

    /** The lobby is due to stop but the runtime cannot be asked: report, touch nothing. */
    record ReportUnreachable(LobbyRecord record, FailureReason reason, String detail) implements PlannedAction {
        @Override
        public String lobbyId() {
            return record.lobbyId();
        }
    }

    /** Stop an open orphan past the grace period, then verify. */
    record StopOrphan(LiveLobby lobby, Instant firstSeenAt) implements PlannedAction {
        @Override
        public String lobbyId() {
            return lobby.id();
        }
    }

    /** Report an orphan past the grace period that is left running. */
    record ReportOrphan(LiveLobby lobby, Instant firstSeenAt) implements PlannedAction {
        @Override
        public String lobbyId() {
            return lobby.id();
        }
    }
}
