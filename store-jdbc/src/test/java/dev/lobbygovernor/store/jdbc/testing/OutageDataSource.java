package dev.lobbygovernor.store.jdbc.testing;

import dev.lobbygovernor.store.tck.StoreOutage;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that can lose its database: between {@link #begin()} and {@link #end()} every
 * {@code getConnection} fails as a refused connection does. The contract kit's
 * {@link StoreOutage} for a JDBC store.
 */
public final class OutageDataSource implements DataSource, StoreOutage {

    private final DataSource delegate;
    private volatile boolean down;

    /**
     * Wraps {@code delegate}.
     *
     * @param delegate the data source that works
     */
    public OutageDataSource(DataSource delegate) {
        this.delegate = delegate;
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

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
