package dev.lobbygovernor.store;

import dev.lobbygovernor.store.tck.AdmissionLedgerContract;
import dev.lobbygovernor.store.tck.StoreOutage;
import java.util.Collections;
import java.util.List;

/**
 * The in-process ledger against the ledger contract. Its promise is one process: the replicas
 * here share one store and one ledger, as the governors of one JVM do. The outage rules run
 * with that store behind a switch ({@link SwitchableStore}).
 */
class InProcessAdmissionLedgerTest extends AdmissionLedgerContract {

    @Override
    protected List<Replica> replicasOverOneDatabase(int n) {
        SwitchableStore store = new SwitchableStore();
        return Collections.nCopies(n, new Replica(store, new InProcessAdmissionLedger(store)));
    }

    @Override
    protected StoreOutage storeOutage(Replica replica) {
        return (SwitchableStore) replica.store();
    }
}
