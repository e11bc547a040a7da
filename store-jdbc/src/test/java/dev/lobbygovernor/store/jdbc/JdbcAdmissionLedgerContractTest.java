package dev.lobbygovernor.store.jdbc;

import dev.lobbygovernor.store.jdbc.testing.OutageDataSource;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import dev.lobbygovernor.store.tck.AdmissionLedgerContract;
import dev.lobbygovernor.store.tck.StoreOutage;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/**
 * The ledger contract on real PostgreSQL: every replica has its own data source (its own
 * connections), store and ledger, as separate processes would; the race runs 200 rounds.
 */
class JdbcAdmissionLedgerContractTest extends AdmissionLedgerContract {

    static final int REPLICAS = 4;
    /** One pool per replica for the whole class; each test gets new stores and ledgers over them. */
    static final List<DataSource> POOLS = new ArrayList<>();
    private final Map<Replica, OutageDataSource> outages = new IdentityHashMap<>();

    @BeforeAll
    static void database() {
        PostgresFixture.TestDatabase db = PostgresFixture.shared().freshDatabase();
        POOLS.clear();
        for (int i = 0; i < REPLICAS; i++) {
            POOLS.add(db.newDataSource());
        }
        JdbcSchema.migrate(POOLS.get(0));
        HostSessionsTable.create(POOLS.get(0));
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
        return 200;
    }
}
