package dev.lobbygovernor.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lobbygovernor.store.jdbc.testing.OutageDataSource;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import dev.lobbygovernor.store.tck.AdmissionLedgerContract;
import dev.lobbygovernor.store.tck.StoreOutage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The ledger contract over pools whose connections default to REPEATABLE READ, as a host may
 * configure its pool: the ledger runs its transactions in READ COMMITTED anyway (a REPEATABLE
 * READ snapshot, taken before the host lock is granted, would miss the previous holder's
 * reservation), so the replicas' race still never goes over the cap.
 */
class RepeatableReadPoolLedgerTest extends AdmissionLedgerContract {

    private static final int REPLICAS = 4;
    private static final List<HikariDataSource> POOLS = new ArrayList<>();
    private final Map<Replica, OutageDataSource> outages = new IdentityHashMap<>();

    @BeforeAll
    static void database() {
        PostgresFixture.TestDatabase db = PostgresFixture.shared().freshDatabase();
        for (int i = 0; i < REPLICAS; i++) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.jdbcUrl());
            config.setMaximumPoolSize(3);
            config.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
            POOLS.add(new HikariDataSource(config));
        }
        JdbcSchema.migrate(POOLS.get(0));
        HostSessionsTable.create(POOLS.get(0));
    }

    @AfterAll
    static void close() {
        POOLS.forEach(HikariDataSource::close);
        POOLS.clear();
    }

    @Override
    protected List<Replica> replicasOverOneDatabase(int n) {
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OutageDataSource own = new OutageDataSource(POOLS.get(i));
            JdbcSessionStore store = JdbcSessionStore.create(own, HostSessionsTable.lookup());
            Replica replica = new Replica(store, JdbcAdmissionLedger.create(own));
            outages.put(replica, own);
            replicas.add(replica);
        }
        return replicas;
    }

    @Override
    protected StoreOutage storeOutage(Replica replica) {
        return outages.get(replica);
    }

    @Override
    protected int replicas() {
        return REPLICAS;
    }

    @Override
    protected int racers() {
        return 8;
    }

    @Override
    protected int raceRounds() {
        return 100;
    }
}
