package dev.lobbygovernor.store.jdbc;

import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.HostRecords;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.store.jdbc.internal.Database;
import dev.lobbygovernor.store.jdbc.internal.HostLock;
import dev.lobbygovernor.store.jdbc.internal.Rows;
import dev.lobbygovernor.store.jdbc.internal.StoreSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The {@link AdmissionLedger} every process sharing one PostgreSQL database agrees on: each
 * {@link #reserve} is one transaction that takes the host's lock (a transaction-scoped advisory
 * lock on a 64-bit key derived from the host id), reads the host's lobby records and
 * reservations, lets the decision run, and inserts the reservation it grants. Two replicas
 * asking for the last slot of one host are served one after the other, and the second sees the
 * first's reservation; replicas asking for different hosts do not wait for each other.
 *
 * <p>The transaction runs at READ COMMITTED and reads the host's records in one statement
 * issued after the lock is granted, so that read sees everything committed before it, the
 * previous lock holder's reservation included. {@link JdbcSessionStore#commitReservation} takes
 * the same lock.
 *
 * <p>The decision runs inside the transaction, while the lock is held: it must be quick and
 * must not block. It runs again if PostgreSQL aborts the transaction as a serialization failure
 * or deadlock (up to {@link JdbcStoreConfig#maxAttempts()} times in all).
 */
public final class JdbcAdmissionLedger implements AdmissionLedger {

    private final Database db;

    private JdbcAdmissionLedger(Database db) {
        this.db = db;
    }

    /**
     * A ledger with the default configuration.
     *
     * @param dataSource the host's data source, on a database migrated by {@link JdbcSchema}
     * @return the ledger
     */
    public static JdbcAdmissionLedger create(DataSource dataSource) {
        return create(dataSource, JdbcStoreConfig.defaults());
    }

    /**
     * A ledger with the given configuration.
     *
     * @param dataSource the host's data source, on a database migrated by {@link JdbcSchema}
     * @param config retries and timeouts
     * @return the ledger
     */
    public static JdbcAdmissionLedger create(DataSource dataSource, JdbcStoreConfig config) {
        return new JdbcAdmissionLedger(new Database(dataSource, config));
    }

    /**
     * {@inheritDoc}
     *
     * @throws StoreException if the database fails, or the host's lock is not granted within
     *     {@link JdbcStoreConfig#queryTimeout()}; nothing is then reserved
     * @throws IllegalArgumentException if the decision grants a reservation on another host
     *     (nothing is then reserved); an exception the decision throws passes through likewise
     */
    @Override
    public Optional<ReservationRecord> reserve(String hostId,
            Function<HostRecords, Optional<ReservationRecord>> decision) {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(decision, "decision");
        return db.transaction("reserve a lobby slot on host " + hostId, c -> {
            HostLock.lock(db, c, hostId);
            HostRecords now = read(c, hostId);
            Optional<ReservationRecord> granted = Objects.requireNonNull(decision.apply(now), "decision returned null");
            if (granted.isPresent()) {
                ReservationRecord r = granted.get();
                if (!r.hostId().equals(hostId)) {
                    throw new IllegalArgumentException("reservation is for host " + r.hostId() + ", not " + hostId);
                }
                try (PreparedStatement ps = db.prepare(c, StoreSql.UPSERT_RESERVATION)) {
                    Rows.bindReservation(ps, r);
                    ps.executeUpdate();
                }
            }
            return granted;
        });
    }

    private HostRecords read(Connection c, String hostId) throws SQLException {
        List<LobbyRecord> lobbies = new ArrayList<>();
        List<ReservationRecord> reservations = new ArrayList<>();
        try (PreparedStatement ps = db.prepare(c, StoreSql.HOST_RECORDS)) {
            ps.setString(1, hostId);
            ps.setString(2, hostId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if ("L".equals(rs.getString("kind"))) {
                        lobbies.add(Rows.lobby(rs));
                    } else {
                        reservations.add(Rows.reservation(rs));
                    }
                }
            }
        }
        return new HostRecords(hostId, lobbies, reservations);
    }

    @Override
    public String toString() {
        return "JdbcAdmissionLedger[" + db + "]";
    }
}
