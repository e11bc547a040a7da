package dev.lobbygovernor.store.jdbc;

import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.SessionState;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.store.jdbc.internal.Database;
import dev.lobbygovernor.store.jdbc.internal.HostLock;
import dev.lobbygovernor.store.jdbc.internal.Rows;
import dev.lobbygovernor.store.jdbc.internal.StoreSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The {@link SessionStore} over PostgreSQL, through the host's {@link DataSource}.
 *
 * <p>Lobby records and reservations live in tables of their own (created by
 * {@link JdbcSchema#migrate} or by Flyway from {@link JdbcSchema#FLYWAY_LOCATION}), with no
 * foreign key to the host's sessions at all. Sessions stay in the host's table and are read
 * through a {@link SessionLookup}. Each method borrows one connection and returns it; the
 * host's pool decides how many there are. Every database failure is a {@link StoreException}
 * whose message says what was attempted and never shows a PIN.
 *
 * <pre>{@code
 * JdbcSchema.migrate(dataSource);   // or Flyway, with JdbcSchema.FLYWAY_LOCATION
 * JdbcSessionStore store = JdbcSessionStore.create(dataSource,
 *         SessionLookup.table("sessions", "id", "deleted_at"));
 * AdmissionLedger ledger = store.admissionLedger();
 * }</pre>
 */
public final class JdbcSessionStore implements SessionStore {

    private final Database db;
    private final DataSource dataSource;
    private final SessionLookup sessions;
    private final JdbcStoreConfig config;

    private JdbcSessionStore(DataSource dataSource, SessionLookup sessions, JdbcStoreConfig config) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.config = Objects.requireNonNull(config, "config");
        this.db = new Database(dataSource, config);
    }

    /**
     * A store with the default configuration.
     *
     * @param dataSource the host's data source, on a database migrated by {@link JdbcSchema}
     * @param sessions how the host's sessions are read
     * @return the store
     */
    public static JdbcSessionStore create(DataSource dataSource, SessionLookup sessions) {
        return new JdbcSessionStore(dataSource, sessions, JdbcStoreConfig.defaults());
    }

    /**
     * A store with the given configuration.
     *
     * @param dataSource the host's data source, on a database migrated by {@link JdbcSchema}
     * @param sessions how the host's sessions are read
     * @param config retries and timeouts
     * @return the store
     */
    public static JdbcSessionStore create(DataSource dataSource, SessionLookup sessions, JdbcStoreConfig config) {
        return new JdbcSessionStore(dataSource, sessions, config);
    }

    /**
     * The ledger over the same database and configuration: admission atomic across every
     * process that shares the database.
     *
     * @return a {@link JdbcAdmissionLedger}
     */
    public AdmissionLedger admissionLedger() {
        return JdbcAdmissionLedger.create(dataSource, config);
    }

    @Override
    public SessionState findSession(String sessionId) {
        Objects.requireNonNull(sessionId, "sessionId");
        return findSessions(List.of(sessionId)).get(sessionId);
    }

    /**
     * {@inheritDoc}
     *
     * <p>One query, whatever the number of ids (for {@link SessionLookup#table}).
     */
    @Override
    public Map<String, SessionState> findSessions(Collection<String> sessionIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : sessionIds) {
            ids.add(Objects.requireNonNull(id, "session id"));
        }
        if (ids.isEmpty()) {
            return Map.of();
        }
        String what = "look up " + ids.size() + " session(s) through " + sessions;
        Map<String, SessionState> found;
        try {
            found = db.autoCommit(what, c -> sessions.find(c, Set.copyOf(ids)));
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("Could not " + what + ": " + e, e);
        }
        Map<String, SessionState> out = new LinkedHashMap<>();
        for (String id : ids) {
            SessionState state = found == null ? null : found.get(id);
            if (state == null || !state.sessionId().equals(id)) {
                // never guess "gone": cleanup would stop a live user's lobby
                throw new StoreException("Could not " + what + ": it gave no state for session " + id);
            }
            out.put(id, state);
        }
        return out;
    }

    @Override
    public void saveLobby(LobbyRecord record) {
        Objects.requireNonNull(record, "record");
        db.autoCommit("save the lobby record of lobby " + record.lobbyId(), c -> {
            try (PreparedStatement ps = db.prepare(c, StoreSql.UPSERT_LOBBY)) {
                Rows.bindLobby(ps, record);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean touchLobby(String lobbyId, Instant at) {
        Objects.requireNonNull(lobbyId, "lobbyId");
        Objects.requireNonNull(at, "at");
        return db.autoCommit("touch the lobby record of lobby " + lobbyId, c -> {
            try (PreparedStatement ps = db.prepare(c, StoreSql.TOUCH_LOBBY)) {
                Rows.setInstant(ps, 1, at);
                ps.setString(2, lobbyId);
                Rows.setInstant(ps, 3, at);
                ps.setString(4, lobbyId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>One statement, whatever the number of ids.
     */
    @Override
    public void touchLobbies(Collection<String> lobbyIds, Instant at) {
        Objects.requireNonNull(at, "at");
        List<String> ids = new ArrayList<>();
        for (String id : lobbyIds) {
            ids.add(Objects.requireNonNull(id, "lobby id"));
        }
        if (ids.isEmpty()) {
            return;
        }
        db.autoCommit("touch the records of " + ids.size() + " lobbies", c -> {
            try (PreparedStatement ps = db.prepare(c, StoreSql.TOUCH_LOBBIES)) {
                Rows.setInstant(ps, 1, at);
                ps.setArray(2, c.createArrayOf("text", ids.toArray()));
                Rows.setInstant(ps, 3, at);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<LobbyRecord> findLobby(String lobbyId) {
        Objects.requireNonNull(lobbyId, "lobbyId");
        List<LobbyRecord> found = lobbies("read the lobby record of lobby " + lobbyId, StoreSql.FIND_LOBBY, lobbyId);
        return found.stream().findFirst();
    }

    @Override
    public List<LobbyRecord> lobbiesOnHost(String hostId) {
        Objects.requireNonNull(hostId, "hostId");
        return lobbies("list the lobby records on host " + hostId, StoreSql.LOBBIES_ON_HOST, hostId);
    }

    @Override
    public List<LobbyRecord> lobbiesIdleSince(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return lobbies("list the lobby records idle since " + cutoff, StoreSql.LOBBIES_IDLE_SINCE, cutoff);
    }

    @Override
    public List<LobbyRecord> allLobbies() {
        return lobbies("list every lobby record", StoreSql.ALL_LOBBIES, null);
    }

    private List<LobbyRecord> lobbies(String what, String sql, Object parameter) {
        return db.autoCommit(what, c -> {
            try (PreparedStatement ps = db.prepare(c, sql)) {
                bind(ps, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    List<LobbyRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(Rows.lobby(rs));
                    }
                    return List.copyOf(out);
                }
            }
        });
    }

    private static void bind(PreparedStatement ps, Object parameter) throws SQLException {
        if (parameter instanceof Instant) {
            Rows.setInstant(ps, 1, (Instant) parameter);
        } else if (parameter != null) {
            ps.setString(1, (String) parameter);
        }
    }

    @Override
    public boolean removeLobby(String lobbyId) {
        Objects.requireNonNull(lobbyId, "lobbyId");
        return update("remove the lobby record of lobby " + lobbyId, StoreSql.REMOVE_LOBBY, lobbyId) > 0;
    }

    @Override
    public void saveReservation(ReservationRecord reservation) {
        Objects.requireNonNull(reservation, "reservation");
        db.autoCommit("save reservation " + reservation.reservationId(), c -> {
            try (PreparedStatement ps = db.prepare(c, StoreSql.UPSERT_RESERVATION)) {
                Rows.bindReservation(ps, reservation);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean updateReservation(ReservationRecord reservation) {
        Objects.requireNonNull(reservation, "reservation");
        return db.autoCommit("update reservation " + reservation.reservationId(), c -> {
            try (PreparedStatement ps = db.prepare(c, StoreSql.UPDATE_RESERVATION)) {
                Rows.bindReservation(ps, reservation);
                ps.setString(11, reservation.reservationId());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public List<ReservationRecord> reservationsOnHost(String hostId) {
        Objects.requireNonNull(hostId, "hostId");
        return reservations("list the reservations on host " + hostId, StoreSql.RESERVATIONS_ON_HOST, hostId);
    }

    @Override
    public List<ReservationRecord> allReservations() {
        return reservations("list every reservation", StoreSql.ALL_RESERVATIONS, null);
    }

    private List<ReservationRecord> reservations(String what, String sql, String parameter) {
        return db.autoCommit(what, c -> {
            try (PreparedStatement ps = db.prepare(c, sql)) {
                bind(ps, parameter);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ReservationRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(Rows.reservation(rs));
                    }
                    return List.copyOf(out);
                }
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Two queries on one connection, reservations first: a fleet's status or refusal costs
     * two round trips, not two per host.
     */
    @Override
    public Map<String, HostRecords> recordsByHost() {
        return db.autoCommit("list every host's records and reservations", c -> {
            List<ReservationRecord> reservations = new ArrayList<>();
            try (PreparedStatement ps = db.prepare(c, StoreSql.ALL_RESERVATIONS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reservations.add(Rows.reservation(rs));
                }
            }
            List<LobbyRecord> lobbies = new ArrayList<>();
            try (PreparedStatement ps = db.prepare(c, StoreSql.ALL_LOBBIES); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lobbies.add(Rows.lobby(rs));
                }
            }
            return HostRecords.grouped(reservations, lobbies);
        });
    }

    @Override
    public boolean removeReservation(String reservationId) {
        Objects.requireNonNull(reservationId, "reservationId");
        return update("remove reservation " + reservationId, StoreSql.REMOVE_RESERVATION, reservationId) > 0;
    }

    /**
     * {@inheritDoc}
     *
     * <p>One transaction under the host's lock (the one {@link JdbcAdmissionLedger} takes): the
     * reservation is deleted and the record upserted together, so a count never sees neither.
     */
    @Override
    public boolean commitReservation(String reservationId, LobbyRecord record) {
        Objects.requireNonNull(reservationId, "reservationId");
        Objects.requireNonNull(record, "record");
        return db.transaction("commit reservation " + reservationId + " as lobby " + record.lobbyId(), c -> {
            HostLock.lock(db, c, record.hostId());
            try (PreparedStatement remove = db.prepare(c, StoreSql.REMOVE_RESERVATION)) {
                remove.setString(1, reservationId);
                if (remove.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement save = db.prepare(c, StoreSql.UPSERT_LOBBY)) {
                Rows.bindLobby(save, record);
                save.executeUpdate();
            }
            return true;
        });
    }

    private int update(String what, String sql, String id) {
        return db.autoCommit(what, c -> {
            try (PreparedStatement ps = db.prepare(c, sql)) {
                ps.setString(1, id);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Names the lookup; never shows a PIN or a connection's credentials.
     *
     * @return a description of this store
     */
    @Override
    public String toString() {
        return "JdbcSessionStore[" + sessions + ", " + config + "]";
    }
}
