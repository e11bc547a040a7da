package dev.lobbygovernor.store.jdbc.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The per-host database lock every replica takes before it counts a host or turns a
 * reservation into a record: a transaction-scoped advisory lock, released by commit or
 * rollback (a crashed replica's session ends, and its lock with it).
 */
public final class HostLock {

    private HostLock() {
    }

    /**
     * The lock's key: the first 8 bytes of SHA-256 over a namespace and the host id. Stable
     * across JVMs and releases (unlike {@code String.hashCode} it is specified here, not by the
     * JDK), and with 64 bits two hosts share a key only by astronomical chance (then they
     * merely wait for each other).
     *
     * @param hostId the host
     * @return the advisory lock key
     */
    public static long key(String hostId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("lobby-governor/host/" + hostId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * Waits for the host's lock in the connection's current transaction.
     *
     * @param db for the statement's timeout
     * @param c a connection with auto-commit off
     * @param hostId the host
     * @throws SQLException if the lock cannot be taken (such as on timeout)
     */
    public static void lock(Database db, Connection c, String hostId) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, StoreSql.LOCK_HOST)) {
            ps.setLong(1, key(hostId));
            ps.execute();
        }
    }
}
