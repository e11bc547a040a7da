package dev.lobbygovernor.store.jdbc.internal;

import dev.lobbygovernor.store.SessionState;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

/**
 * {@code SessionLookup.table}: one query over the host's table, the ids passed as one array,
 * whatever their number.
 */
public final class TableSessionLookup {

    private final String description;
    private final String sql;
    private final boolean softDeletes;

    /**
     * Checks and quotes every name.
     *
     * @param table the host's table, optionally schema-qualified
     * @param idColumn its id column
     * @param idType the id column's type
     * @param deletedAtColumn its soft-delete column, or {@code null}
     */
    public TableSessionLookup(String table, String idColumn, String idType, String deletedAtColumn) {
        String t = SqlIdentifiers.quotedTable(table, "session table");
        String id = SqlIdentifiers.quoted(idColumn, "session id column");
        String type = SqlIdentifiers.type(idType, "session id type");
        this.softDeletes = deletedAtColumn != null;
        String deleted = softDeletes ? "s." + SqlIdentifiers.quoted(deletedAtColumn, "session soft-delete column")
                : "NULL::timestamptz";
        // Joined on the ids as asked, so that the answer is keyed by them even where the column's
        // type spells an id another way (a uuid asked in capitals reads back in lowercase).
        String asked = "text".equals(type) ? "q.id" : "q.id::" + type;
        this.sql = "SELECT q.id, " + deleted + " FROM unnest(CAST(? AS text[])) AS q(id) JOIN " + t
                + " s ON s." + id + " = " + asked;
        this.description = "table " + t + " (id " + id + (softDeletes ? ", soft-deleted by " + deletedAtColumn : "") + ")";
    }

    /**
     * Where each id stands, in one query.
     *
     * @param connection a connection in auto-commit mode; not closed here
     * @param sessionIds the distinct ids asked about
     * @return an entry for every id found present or soft-deleted, and gone for the rest
     * @throws SQLException if the database cannot be asked
     */
    public Map<String, SessionState> find(Connection connection, Set<String> sessionIds) throws SQLException {
        Map<String, SessionState> found = new HashMap<>();
        Array ids = connection.createArrayOf("text", sessionIds.toArray());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
                while (rs.next()) {
                    String id = rs.getString(1);
                    Timestamp deletedAt = rs.getTimestamp(2, utc);
                    SessionState state = deletedAt == null ? SessionState.present(id)
                            : SessionState.softDeleted(id, deletedAt.toInstant());
                    // a table without a unique id may hold the id twice: a live row wins
                    found.merge(id, state, (a, b) -> a.isLive() ? a : b);
                }
            }
        } finally {
            ids.free();
        }
        Map<String, SessionState> out = new HashMap<>();
        for (String id : sessionIds) {
            out.put(id, found.getOrDefault(id, SessionState.gone(id)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "SessionLookup." + description;
    }
}
