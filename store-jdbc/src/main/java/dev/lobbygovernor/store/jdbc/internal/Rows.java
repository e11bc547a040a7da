package dev.lobbygovernor.store.jdbc.internal;

import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Records to statement parameters and rows to records. PINs travel as text, so leading zeros
 * survive; instants as {@code timestamptz}, truncated to PostgreSQL's microseconds here rather
 * than rounded by the driver.
 */
public final class Rows {

    private Rows() {
    }

    /**
     * Binds an instant.
     *
     * @param ps the statement
     * @param index the parameter's index
     * @param at the instant, or {@code null}
     * @throws SQLException if the driver refuses it
     */
    public static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static void setPin(PreparedStatement ps, int index, LobbyPin pin) throws SQLException {
        if (pin == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, pin.reveal());
        }
    }

    private static LobbyPin pin(ResultSet rs) throws SQLException {
        String text = rs.getString("pin");
        return text == null ? null : LobbyPin.of(text);
    }

    /**
     * Binds a lobby record as {@code lobby_id, host_id, session_id, pin, created_at,
     * last_activity_at, gpu}.
     *
     * @param ps the statement
     * @param r the record
     * @throws SQLException if the driver refuses a value
     */
    public static void bindLobby(PreparedStatement ps, LobbyRecord r) throws SQLException {
        ps.setString(1, r.lobbyId());
        ps.setString(2, r.hostId());
        ps.setString(3, r.sessionId());
        setPin(ps, 4, r.pin());
        setInstant(ps, 5, r.createdAt());
        setInstant(ps, 6, r.lastActivityAt());
        ps.setString(7, r.gpu());
    }

    /**
     * Binds a reservation as {@code reservation_id, host_id, session_id, pin, lobby_name,
     * created_at, expires_at, phase, create_started_at, gpu}.
     *
     * @param ps the statement
     * @param r the reservation
     * @throws SQLException if the driver refuses a value
     */
    public static void bindReservation(PreparedStatement ps, ReservationRecord r) throws SQLException {
        ps.setString(1, r.reservationId());
        ps.setString(2, r.hostId());
        ps.setString(3, r.sessionId());
        setPin(ps, 4, r.pin());
        ps.setString(5, r.lobbyName());
        setInstant(ps, 6, r.createdAt());
        setInstant(ps, 7, r.expiresAt());
        ps.setString(8, r.phase().name());
        setInstant(ps, 9, r.createStartedAt());
        ps.setString(10, r.gpu());
    }

    /**
     * The lobby record in the current row.
     *
     * @param rs a result positioned on a row with the lobby record's columns
     * @return the record
     * @throws SQLException if a column cannot be read
     * @throws StoreException if the row does not make a valid record
     */
    public static LobbyRecord lobby(ResultSet rs) throws SQLException {
        String id = rs.getString("lobby_id");
        try {
            return new LobbyRecord(id, rs.getString("host_id"), rs.getString("session_id"), pin(rs),
                    instant(rs, "created_at"), instant(rs, "last_activity_at"), rs.getString("gpu"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("The stored lobby record of lobby " + id + " is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * The reservation in the current row.
     *
     * @param rs a result positioned on a row with the reservation's columns
     * @return the reservation
     * @throws SQLException if a column cannot be read
     * @throws StoreException if the row does not make a valid reservation
     */
    public static ReservationRecord reservation(ResultSet rs) throws SQLException {
        String id = rs.getString("reservation_id");
        try {
            return new ReservationRecord(id, rs.getString("host_id"), rs.getString("session_id"), pin(rs),
                    rs.getString("lobby_name"), instant(rs, "created_at"), instant(rs, "expires_at"),
                    ReservationRecord.Phase.valueOf(rs.getString("phase")), instant(rs, "create_started_at"),
                    rs.getString("gpu"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("The stored reservation " + id + " is malformed: " + e.getMessage(), e);
        }
    }
}
