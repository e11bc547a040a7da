package dev.lobbygovernor.core.cleanup.internal;

import dev.lobbygovernor.core.cleanup.ReaperConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Consecutive stop failures per lobby and when each may be retried. Hosts are worked on side by
 * side, so every method locks; lost on restart, which only means an early retry.
 */
final class RetryBook {

    /** The failures so far and the earliest next attempt. */
    record Entry(int failures, Instant notBefore) {
    }

    private final ReaperConfig config;
    private final Map<String, Entry> entries = new HashMap<>();

    RetryBook(ReaperConfig config) {
        this.config = config;
    }

    /** Records one more failed attempt at {@code now} and returns the updated entry. */
    synchronized Entry failed(String lobbyId, Instant now) {
        int failures = entries.containsKey(lobbyId) ? entries.get(lobbyId).failures() + 1 : 1;
        Entry entry = new Entry(failures, now.plus(config.backoffAfter(failures)));
        entries.put(lobbyId, entry);
        return entry;
    }

    /** The lobby needs no more retries (stopped, gone, or no longer due). */
    synchronized void clear(String lobbyId) {
        entries.remove(lobbyId);
    }

    /** Whether no lobby is in backoff. */
    synchronized boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Forgets lobbies the cycle no longer knows of. */
    synchronized void retainOnly(Set<String> lobbyIds) {
        entries.keySet().retainAll(lobbyIds);
    }

    /** The earliest next attempt for each lobby in backoff; a copy. */
    synchronized Map<String, Instant> notBefore() {
        Map<String, Instant> out = new HashMap<>();
        entries.forEach((id, e) -> out.put(id, e.notBefore()));
        return out;
    }

    /** The consecutive failures of one lobby; 0 if none. */
    synchronized int failures(String lobbyId) {
        Entry e = entries.get(lobbyId);
        return e == null ? 0 : e.failures();
    }
}
