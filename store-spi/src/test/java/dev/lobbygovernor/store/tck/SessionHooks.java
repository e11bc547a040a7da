package dev.lobbygovernor.store.tck;

import java.time.Instant;

/**
 * What the contract test kit needs from the host's own session table: sessions are the host's,
 * so the {@code SessionStore} SPI cannot create or delete them, but the kit must, to check what
 * the store reports afterwards. Implement it over the same database the store under test reads.
 */
public interface SessionHooks {

    /** Creates a live session with this id. */
    void createSession(String sessionId);

    /** Marks the session deleted at {@code at}, as the host's "delete" does when it soft-deletes. */
    void softDeleteSession(String sessionId, Instant at);

    /** Deletes the session row outright, as a cascading project delete does. */
    void hardDeleteSession(String sessionId);
}
