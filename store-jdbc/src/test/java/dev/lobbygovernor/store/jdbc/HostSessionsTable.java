package dev.lobbygovernor.store.jdbc;

import dev.lobbygovernor.store.tck.SessionHooks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** A host application's own session table, as the tests' host keeps it, and the kit's hooks onto it. */
final class HostSessionsTable implements SessionHooks {

    static final String TABLE = "app_sessions";

    private final DataSource dataSource;

    HostSessionsTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    static HostSessionsTable create(DataSource dataSource) {
        execute(dataSource, "CREATE TABLE IF NOT EXISTS " + TABLE + " (id text PRIMARY KEY, deleted_at timestamptz)");
        return new HostSessionsTable(dataSource);
    }

    static SessionLookup lookup() {
        return SessionLookup.table(TABLE, "id", "deleted_at");
    }

    static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private void update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    @Override
    public void createSession(String sessionId) {
        update("INSERT INTO " + TABLE + " (id) VALUES (?)", sessionId);
    }

    @Override
    public void softDeleteSession(String sessionId, Instant at) {
        update("UPDATE " + TABLE + " SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC), sessionId);
    }

    @Override
    public void hardDeleteSession(String sessionId) {
        update("DELETE FROM " + TABLE + " WHERE id = ?", sessionId);
    }
}
