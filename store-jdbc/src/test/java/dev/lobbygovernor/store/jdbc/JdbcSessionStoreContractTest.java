package dev.lobbygovernor.store.jdbc;

import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.jdbc.testing.OutageDataSource;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import dev.lobbygovernor.store.tck.SessionHooks;
import dev.lobbygovernor.store.tck.SessionStoreContract;
import dev.lobbygovernor.store.tck.StoreOutage;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/** The whole contract kit, outages included, on real PostgreSQL. */
class JdbcSessionStoreContractTest extends SessionStoreContract {

    private static PostgresFixture.TestDatabase db;
    private static DataSource dataSource;
    private final Map<SessionStore, OutageDataSource> outages = new WeakHashMap<>();

    @BeforeAll
    static void database() {
        db = PostgresFixture.shared().freshDatabase();
        dataSource = db.newDataSource();
        JdbcSchema.migrate(dataSource);
        HostSessionsTable.create(dataSource);
    }

    @Override
    protected SessionStore newStore() {
        OutageDataSource outage = new OutageDataSource(dataSource);
        SessionStore store = JdbcSessionStore.create(outage, HostSessionsTable.lookup());
        outages.put(store, outage);
        return store;
    }

    @Override
    protected SessionHooks sessionHooks(SessionStore store) {
        return new HostSessionsTable(dataSource);
    }

    @Override
    protected StoreOutage storeOutage(SessionStore store) {
        return outages.get(store);
    }
}
