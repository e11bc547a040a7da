package dev.lobbygovernor.store.jdbc;

import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.store.jdbc.internal.TableSessionLookup;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

/**
 * How {@link JdbcSessionStore} reads the host's sessions, which stay in the host's own table:
 * {@link #table} for the common case, or an implementation of the host's own (a lambda will
 * do) for anything else: a view, a SQL function, another service.
 *
 * <p>Whatever it asks, a lookup answers for every id or fails: an id it cannot account for
 * must not be reported gone, because cleanup stops the lobby of a gone session.
 */
@FunctionalInterface
public interface SessionLookup {

    /**
     * Where each of {@code sessionIds} stands.
     *
     * @param connection a connection to the store's database, in auto-commit mode; the lookup
     *     may use it or ignore it, and must not close it
     * @param sessionIds the distinct ids asked about, never empty
     * @return an entry for every id asked about (the store fails the call if one is missing);
     *     an id the host does not know is {@link SessionState#gone}
     * @throws SQLException if the database cannot be asked; the store reports it as a
     *     {@code StoreException}, as it does any exception the lookup throws
     */
    Map<String, SessionState> find(Connection connection, Set<String> sessionIds) throws SQLException;

    /**
     * Sessions in a table of the host's database with a text id column: a row whose
     * soft-delete column is null is present, a row with a time there is soft-deleted at that
     * time, no row is gone. One query answers any number of ids.
     *
     * <p>Names are checked against {@code [A-Za-z_][A-Za-z0-9_]*} (the table may be
     * schema-qualified, {@code schema.table}) and quoted, so they match exactly as PostgreSQL
     * stores them: an unquoted name in the host's DDL is stored lowercase.
     *
     * @param table the table, such as {@code sessions} or {@code app.sessions}
     * @param idColumn the id column
     * @param deletedAtColumn the soft-delete column ({@code timestamptz}, or {@code timestamp}
     *     holding UTC), or {@code null} if the host deletes sessions outright
     * @return the lookup
     * @throws IllegalArgumentException if a name is not a plain identifier
     */
    static SessionLookup table(String table, String idColumn, String deletedAtColumn) {
        return table(table, idColumn, "text", deletedAtColumn);
    }

    /**
     * Like {@link #table(String, String, String)}, for an id column of another type (such as
     * {@code uuid} or {@code bigint}): the ids asked about are cast to it, so the column's
     * index serves the query. An id the type cannot hold fails the whole call.
     *
     * @param table the table, such as {@code sessions} or {@code app.sessions}
     * @param idColumn the id column
     * @param idType the id column's type, such as {@code uuid}; letters, digits, underscores
     *     and single spaces only
     * @param deletedAtColumn the soft-delete column, or {@code null} if there is none
     * @return the lookup
     * @throws IllegalArgumentException if a name or the type is not a plain identifier
     */
    static SessionLookup table(String table, String idColumn, String idType, String deletedAtColumn) {
        TableSessionLookup query = new TableSessionLookup(table, idColumn, idType, deletedAtColumn);
        // not a lambda: its toString names the table, which the store's failures quote
        return new SessionLookup() {
            @Override
            public Map<String, SessionState> find(Connection connection, Set<String> sessionIds)
                    throws SQLException {
                return query.find(connection, sessionIds);
            }

            @Override
            public String toString() {
                return query.toString();
            }
        };
    }
}
