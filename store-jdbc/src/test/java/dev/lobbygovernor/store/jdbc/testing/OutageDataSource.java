package dev.lobbygovernor.store.jdbc.testing;

import dev.lobbygovernor.store.tck.StoreOutage;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A data source that can lose its database: between {@link #begin()} and {@link #end()} every
 * {@code getConnection} fails as a refused connection does. The contract kit's
 * {@link StoreOutage} for a JDBC store.
 */
public final class OutageDataSource extends DelegatingDataSource implements StoreOutage {

    private volatile boolean down;

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the data source that works
     */
    public OutageDataSource(DataSource delegate) {
        super(delegate);
    }

    @Override
    public void begin() {
        down = true;
    }

    @Override
    public void end() {
        down = false;
    }

    private void check() throws SQLException {
        if (down) {
            throw new SQLException("Connection refused (a planted outage)", "08001");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        check();
        return delegate.getConnection(user, password);
    }
}
