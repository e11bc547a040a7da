package dev.lobbygovernor.core.cleanup;

import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.Map;

/** One host, its fake runtime, a store that can fail, a hand-moved clock and a reaper over them. */
final class ReaperRig {

    static final String HOST = "wolf-1";

    final MutableClock clock = MutableClock.at("2025-03-01T12:00:00Z");
    final InMemorySessionStore memory = new InMemorySessionStore();
    final FlakyStore store = new FlakyStore(memory);
    final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    final RecordingListener events = new RecordingListener();
    final ReaperConfig config;
    LobbyRuntime runtimeSeenByReaper = runtime;
    LobbyReaper reaper;

    ReaperRig() {
        this(ReaperConfig.defaults());
    }

    ReaperRig(ReaperConfig config) {
        this.config = config;
        this.reaper = newReaper();
    }

    /** A fresh reaper over the same store and runtime, as after a process restart. */
    LobbyReaper newReaper() {
        return LobbyReaper.builder(store, Map.of(HOST, runtimeSeenByReaper))
                .config(config).clock(clock).listener(events).build();
    }

    /** A session whose lobby was created and whose permit was committed, now. */
    LobbyRecord commit(String lobbyId, String sessionId, String pinOrNull) {
        LobbyPin pin = pinOrNull == null ? null : LobbyPin.of(pinOrNull);
        memory.putSession(sessionId);
        runtime.start(lobbyId, pin);
        LobbyRecord record = new LobbyRecord(lobbyId, HOST, sessionId, pin, clock.instant(), clock.instant());
        memory.saveLobby(record);
        return record;
    }

    /** Waits one interval, then runs a cycle. */
    CycleReport cycle() {
        clock.advance(config.interval());
        return reaper.runOnce();
    }

    void advance(Duration d) {
        clock.advance(d);
    }
}
