package dev.lobbygovernor.store.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * The concurrency half of the contract: admission threads save and touch while cleanup lists
 * and removes, and nothing may be lost. Each test is deterministic in what it expects, whatever
 * the interleaving. Hosts extend {@link SessionStoreContract}, which includes these tests.
 */
public abstract class SessionStoreConcurrencyContract extends SessionStoreFixture {

    @Test
    void parallelSavesOfDistinctLobbiesLoseNothing() throws Exception {
        int n = operations();
        Parallel.run(threads(), n, i -> store.saveLobby(record("l" + i, "h" + (i % 3), "s" + i, "1234", i, i)));
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add("l" + i);
        }
        assertEquals(expected, ownIds(store.allLobbies()), "every saved record, oldest first");
        for (int i = 0; i < n; i += 37) {
            assertEquals(record("l" + i, "h" + (i % 3), "s" + i, "1234", i, i), stored("l" + i));
        }
    }

    @Test
    void parallelTouchesKeepTheLatestActivity() throws Exception {
        int lobbies = 4;
        int n = operations();
        for (int l = 0; l < lobbies; l++) {
            store.saveLobby(record("l" + l, "h", "s", null, 0, 0));
        }
        // the latest touches are sent first, so every later one races a newer value it must not overwrite
        Parallel.run(threads(), n, i -> store.touchLobby(id("l" + (i % lobbies)), T0.plusSeconds(n - i)));
        for (int l = 0; l < lobbies; l++) {
            assertEquals(T0.plusSeconds(n - l), stored("l" + l).lastActivityAt(), "lobby l" + l);
        }
    }

    @Test
    void parallelRemovesRemoveEachRecordExactlyOnce() throws Exception {
        int records = Math.max(1, operations() / 4);
        for (int i = 0; i < records; i++) {
            store.saveLobby(record("l" + i, "h", "s", null, i, i));
        }
        AtomicIntegerArray removedBy = new AtomicIntegerArray(records);
        // every record is removed by four threads at once; exactly one of them may see "removed"
        Parallel.run(threads(), records * 4, i -> {
            if (store.removeLobby(id("l" + (i % records)))) {
                removedBy.incrementAndGet(i % records);
            }
        });
        for (int i = 0; i < records; i++) {
            assertEquals(1, removedBy.get(i), "removeLobby answered true for l" + i + " this many times");
        }
        assertEquals(List.of(), ownIds(store.allLobbies()));
    }

    @Test
    void aTouchRacingARemoveNeverResurrectsTheRecord() throws Exception {
        int records = Math.max(1, operations() / 4);
        for (int i = 0; i < records; i++) {
            store.saveLobby(record("l" + i, "h", "s", null, 0, 0));
        }
        // each record gets one remove and three touches, in varying order
        Parallel.run(threads(), records * 4, i -> {
            String lobby = id("l" + (i / 4));
            if (i % 4 == (i / 4) % 4) {
                store.removeLobby(lobby);
            } else {
                store.touchLobby(lobby, T0.plusSeconds(i));
            }
        });
        for (int i = 0; i < records; i++) {
            assertEquals(Optional.empty(), store.findLobby(id("l" + i)), "l" + i + " came back after removal");
        }
    }

    @Test
    void mixedTrafficLeavesExactlyTheRecordsNotRemoved() throws Exception {
        int n = Math.max(3, operations() - operations() % 3);
        int records = n / 3;
        for (int i = 0; i < records; i++) {
            store.saveLobby(record("old" + i, "h", "s", "0420", i, i));
        }
        // a third saves new records, a third touches old ones, a third removes the even old ones
        Parallel.run(threads(), n, i -> {
            int k = i / 3;
            switch (i % 3) {
                case 0 -> store.saveLobby(record("new" + k, "h", "s", "0420", records + k, records + k));
                case 1 -> store.touchLobby(id("old" + k), T0.plusSeconds(10_000 + k));
                default -> {
                    if (k % 2 == 0) {
                        store.removeLobby(id("old" + k));
                    }
                }
            }
        });
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            if (i % 2 == 1) {
                expected.add("old" + i);
            }
        }
        for (int i = 0; i < records; i++) {
            expected.add("new" + i);
        }
        assertEquals(expected, ownIds(store.lobbiesOnHost(id("h"))));
        for (int i = 1; i < records; i += 2) {
            assertEquals(T0.plusSeconds(10_000 + i), stored("old" + i).lastActivityAt(), "touch of old" + i);
            assertTrue(stored("old" + i).optionalPin().isPresent(), "PIN of old" + i);
        }
    }
}
