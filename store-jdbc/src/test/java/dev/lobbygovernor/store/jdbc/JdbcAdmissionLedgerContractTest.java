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

    private static PostgresFixture.TestDatabase db;
    private final Map<Replica, OutageDataSource> outages = new IdentityHashMap<>();

    @BeforeAll
    static void database() {
        db = PostgresFixture.shared().freshDatabase();
        DataSource ds = db.newDataSource();
        JdbcSchema.migrate(ds);
        HostSessionsTable.create(ds);
    }

    @Override
    protected List<Replica> replicasOverOneDatabase(int n) {
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OutageDataSource own = new OutageDataSource(db.newDataSource());
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
        return 4;
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
