package dev.lobbygovernor.store.jdbc.internal;

import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.store.jdbc.JdbcStoreConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Borrows connections from the host's {@link DataSource}, runs work on them, and turns every
 * {@link SQLException} into a {@link StoreException} that says what was attempted (and never
 * shows a row's values: see {@link RedactedSqlException}).
 */
public final class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** PostgreSQL aborts a transaction with these when retrying it may succeed. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";

    /** Work on a borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Does the work.
         *
         * @param connection the borrowed connection; not to be closed
         * @return the result
         * @throws SQLException if the database fails
         */
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final JdbcStoreConfig config;
    /**
     * Whether the pool's connections were seen in READ COMMITTED already. Asking costs a round
     * trip each way (pgjdbc queries the server), so once the pool's first connection answers
     * READ COMMITTED, as PostgreSQL's default and a pool's uniform settings make every one, the
     * question is not asked again; any other answer is asked and corrected every time.
     */
    private volatile boolean readCommittedSeen;

    /**
     * A database over the host's data source.
     *
     * @param dataSource where connections come from
     * @param config retries and timeouts
     */
    public Database(DataSource dataSource, JdbcStoreConfig config) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode: each statement is its own
     * transaction.
     *
     * @param what what is attempted, for the failure's message; never a PIN
     * @param work the work
     * @param <T> the result's type
     * @return what the work returned
     * @throws StoreException if the database fails
     */
    public <T> T autoCommit(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /**
     * Runs {@code work} in one READ COMMITTED transaction, committed if it returns and rolled
     * back if it throws; a serialization failure or deadlock runs it again, up to
     * {@link JdbcStoreConfig#maxAttempts()} times in all.
     *
     * @param what what is attempted, for the failure's message; never a PIN
     * @param work the work; it may run more than once
     * @param <T> the result's type
     * @return what the work returned
     * @throws StoreException if the database fails; a runtime exception of the work itself
     *     passes through unchanged, after the rollback
     */
    public <T> T transaction(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return inTransaction(c, work, !readCommittedSeen);
            } catch (SQLException e) {
                if (attempt < config.maxAttempts() && retryable(e)) {
                    LOG.debug("{}: transaction aborted (SQLState {}), attempt {} of {}", what, e.getSQLState(),
                            attempt, config.maxAttempts());
                    continue;
                }
                throw failure(what, e);
            }
        }
    }

    private <T> T inTransaction(Connection c, Work<T> work, boolean checkIsolation) throws SQLException {
        boolean wasAutoCommit = c.getAutoCommit();
        int wasIsolation = checkIsolation ? c.getTransactionIsolation() : Connection.TRANSACTION_READ_COMMITTED;
        // READ COMMITTED on purpose: each statement sees what was committed before it began, so a
        // read issued after the host lock is granted sees the previous holder's reservation.
        // REPEATABLE READ would take its snapshot at the lock statement, before the wait.
        if (wasIsolation != Connection.TRANSACTION_READ_COMMITTED) {
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        } else if (checkIsolation) {
            readCommittedSeen = true;
        }
        c.setAutoCommit(false);
        boolean committed = false;
        try {
            T result = work.run(c);
            c.commit();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollbackQuietly(c);
            }
            restore(c, wasAutoCommit, wasIsolation);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("rollback failed; the connection is closed next", e);
        }
    }

    private static void restore(Connection c, boolean autoCommit, int isolation) {
        try {
            c.setAutoCommit(autoCommit);
            if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            LOG.debug("could not restore the connection's settings; the connection is closed next", e);
        }
    }

    /**
     * Prepares {@code sql} with the configured query timeout.
     *
     * @param c the connection
     * @param sql the statement
     * @return the prepared statement
     * @throws SQLException if the driver refuses it
     */
    public PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setQueryTimeout((int) config.queryTimeout().getSeconds());
        return ps;
    }

    private static boolean retryable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The exception to throw for a failed attempt.
     *
     * @param what what was attempted
     * @param e the driver's exception
     * @return a store exception naming the attempt and the SQLState, with the redacted cause
     */
    public static StoreException failure(String what, SQLException e) {
        SQLException safe = RedactedSqlException.of(e);
        return new StoreException("Could not " + what + ": " + safe.getMessage()
                + (e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]"), safe);
    }

    @Override
    public String toString() {
        return "Database[" + dataSource.getClass().getSimpleName() + ", " + config + "]";
    }
}
