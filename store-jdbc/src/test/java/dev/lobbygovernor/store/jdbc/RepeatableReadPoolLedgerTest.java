package dev.lobbygovernor.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import org.junit.jupiter.api.BeforeAll;

/**
 * The ledger contract over pools whose connections default to REPEATABLE READ, as a host may
 * configure its pool: the ledger runs its transactions in READ COMMITTED anyway (a REPEATABLE
 * READ snapshot, taken before the host lock is granted, would miss the previous holder's
 * reservation), so the replicas' race still never goes over the cap. Only the pools differ from
 * {@link JdbcAdmissionLedgerContractTest}.
 */
class RepeatableReadPoolLedgerTest extends JdbcAdmissionLedgerContractTest {

    /** Hides the parent's set-up (JUnit then runs only this one): the same, with other pools. */
    @BeforeAll
    static void database() {
        PostgresFixture.TestDatabase db = PostgresFixture.shared().freshDatabase();
        POOLS.clear();
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

    @Override
    protected int raceRounds() {
        return 100;
    }
}
