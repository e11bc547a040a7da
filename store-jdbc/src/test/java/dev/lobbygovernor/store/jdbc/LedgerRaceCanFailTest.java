package dev.lobbygovernor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.InProcessAdmissionLedger;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import dev.lobbygovernor.store.tck.AdmissionLedgerContract;
import dev.lobbygovernor.store.tck.StoreOutage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The race on PostgreSQL is only proof if it catches over-admission: replicas that each lock in
 * their own process ({@link InProcessAdmissionLedger} per replica, as separate JVMs would have
 * it) over one database must fail it, where {@link JdbcAdmissionLedger} passes.
 */
class LedgerRaceCanFailTest {

    @Test
    void theRaceCatchesReplicasThatOnlyLockInTheirOwnProcess() {
        AtomicBoolean failed = new AtomicBoolean();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (id.isTest() && result.getStatus() == TestExecutionResult.Status.FAILED) {
                    failed.set(true);
                }
            }
        };
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectMethod(PerProcessLocksOnly.class, "replicasRacingForTheLastSlotsNeverExceedTheCap"))
                .build(), listener);
        assertThat(failed).as("the race failed replicas without a shared lock").isTrue();
    }

    /** Bound by {@link LedgerRaceCanFailTest} only; nested so that surefire does not run it. */
    static class PerProcessLocksOnly extends AdmissionLedgerContract {
        private static DataSource[] pools;

        @Override
        protected List<Replica> replicasOverOneDatabase(int n) {
            synchronized (PerProcessLocksOnly.class) {
                if (pools == null) {
                    PostgresFixture.TestDatabase db = PostgresFixture.shared().freshDatabase();
                    pools = new DataSource[4];
                    for (int i = 0; i < pools.length; i++) {
                        pools[i] = db.newDataSource();
                    }
                    JdbcSchema.migrate(pools[0]);
                }
            }
            List<Replica> replicas = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                JdbcSessionStore store = JdbcSessionStore.create(pools[i % pools.length], HostSessionsTable.lookup());
                replicas.add(new Replica(store, new InProcessAdmissionLedger(store)));
            }
            return replicas;
        }

        @Override
        protected StoreOutage storeOutage(Replica replica) {
            return StoreOutage.unsupported("not asked");
        }
    }
}
