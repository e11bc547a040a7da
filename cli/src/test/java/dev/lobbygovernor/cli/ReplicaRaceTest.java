package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four control-plane replicas, each with its own connection pool to one PostgreSQL and its own
 * Wolf client, race for a host's last slots on a Wolf that lists new lobbies only after 500 ms:
 * no replica can see the others' lobbies in a listing, only in the shared ledger.
 */
class ReplicaRaceTest {

    private static ReplicaRace race;

    @BeforeAll
    static void start() throws Exception {
        race = new ReplicaRace(PostgresFixture.shared().freshDatabase().jdbcUrl(), 4);
    }

    @AfterAll
    static void stop() throws Exception {
        if (race != null) {
            race.close();
        }
    }

    @Test
    void fourReplicasSharingTheLedgerNeverOverAdmitInTwoHundredRaces() throws Exception {
        ReplicaRace.Result lastTwo = race.run(100, 2, true);
        ReplicaRace.Result lastOne = race.run(100, 1, true);

        for (ReplicaRace.Result r : new ReplicaRace.Result[] {lastTwo, lastOne}) {
            assertThat(r.overAdmissions()).as("trials over the cap").isZero();
            assertThat(r.worst()).isLessThanOrEqualTo(ReplicaRace.CAP);
            assertThat(r.trials()).allSatisfy(t -> assertThat(t.granted()).isLessThanOrEqualTo(t.free()));
            assertThat(r.trials()).as("the last slots were taken, not merely refused")
                    .allSatisfy(t -> assertThat(t.running()).isEqualTo(ReplicaRace.CAP));
        }
    }

    @Test
    void replicasDecidingAloneGoOverTheCap() throws Exception {
        // the same race with a ledger per replica, as separate processes without the database's
        // lock would decide: it must show the overshoot, or the test above proves nothing
        // (up to 100 races, stopping at the first overshoot: how often one happens depends on
        // how the machine schedules the racers)
        int worst = 0;
        for (int trial = 0; trial < 100 && worst <= ReplicaRace.CAP; trial++) {
            worst = Math.max(worst, race.run(1, 2, false).worst());
        }

        assertThat(worst).as("most lobbies running in a race without the shared ledger")
                .isGreaterThan(ReplicaRace.CAP);
    }
}
