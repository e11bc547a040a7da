package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.GovernorConfig;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyCredentials;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CleanupOutcome.ReservationSettled;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.StoreException;
import dev.lobbygovernor.store.jdbc.JdbcSchema;
import dev.lobbygovernor.store.jdbc.JdbcSessionStore;
import dev.lobbygovernor.store.jdbc.SessionLookup;
import dev.lobbygovernor.store.jdbc.testing.OutageDataSource;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways a lobby used to leak past the cap, on PostgreSQL and the Wolf simulator: a create
 * that times out while Wolf keeps the lobby, and a commit the database refuses after the lobby
 * exists. Neither goes over the cap, and cleanup leaves neither an orphan nor a reservation.
 */
class DurableAdmissionFailuresTest {

    private static final String HOST = "wolf-1";

    @TempDir
    Path dir;
    private final MutableClock clock = MutableClock.at("2026-01-05T09:00:00Z");
    private WolfSimulator sim;
    private WolfClient wolf;
    private OutageDataSource database;
    private JdbcSessionStore store;
    private LobbyGovernor governor;
    private LobbyReaper reaper;

    @BeforeEach
    void start() throws Exception {
        sim = WolfSimulator.builder().start(dir);
        wolf = WolfClient.builder().unixSocket(sim.socketPath()).build();
        DataSource pool = PostgresFixture.shared().freshDatabase().newDataSource();
        JdbcSchema.migrate(pool);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE app_sessions (id text PRIMARY KEY, deleted_at timestamptz)");
            s.execute("INSERT INTO app_sessions (id) VALUES ('kept'), ('s')");
        }
        database = new OutageDataSource(pool);
        store = JdbcSessionStore.create(database, SessionLookup.table("app_sessions", "id", "deleted_at"));
        WolfLobbyRuntime runtime = new WolfLobbyRuntime(wolf);
        governor = LobbyGovernor.builder().store(store).ledger(store.admissionLedger()).clock(clock)
                .config(GovernorConfig.builder().runtimeListTtl(Duration.ZERO).build())
                .host(Host.of(HOST, runtime, HostLimits.builder().staticCap(2).build())).build();
        reaper = LobbyReaper.builder(store, Map.of(HOST, runtime)).clock(clock).build();
        try (Permit p = governor.acquire(AdmissionRequest.forSession("kept"))) {
            p.create(c -> wolf.createLobby(LobbyRequests.desktopFor("kept"), c));
        }
    }

    @AfterEach
    void stop() {
        reaper.close();
        wolf.close();
        sim.close();
    }

    private void assertFull() {
        assertThatThrownBy(() -> governor.acquire(AdmissionRequest.forSession("one-more")))
                .isInstanceOf(AdmissionDeniedException.class);
    }

    private List<ReservationSettled> settled(CycleReport report) {
        return report.outcomes().stream().filter(o -> o instanceof ReservationSettled)
                .map(o -> (ReservationSettled) o).toList();
    }

    private void assertSettledWithNothingLeft(CycleReport report) throws WolfException {
        assertThat(settled(report)).singleElement().satisfies(s -> {
            assertThat(s.resolution()).isEqualTo(ReservationSettled.Resolution.STOPPED);
            assertThat(s.foundLobbyId()).isNotNull();
        });
        assertThat(wolf.listLobbies()).as("only the committed lobby runs").hasSize(1);
        assertThat(reaper.orphans()).isEmpty();
        assertThat(report.outcomes()).noneMatch(o -> o instanceof CleanupOutcome.OrphanReported);
        assertThat(store.allReservations()).as("no reservation lingers").isEmpty();
        assertThat(governor.acquire(AdmissionRequest.forSession("next")).activeAfter()).isEqualTo(2);
    }

    @Test
    void createThatTimesOutIsCountedThenStoppedWithTheStoredPin() throws Exception {
        sim.timeOutNextSetups(1);
        Permit p = governor.acquire(AdmissionRequest.forSession("s").withPin(LobbyPin.of("0815")));

        assertThatThrownBy(() -> p.create(c -> wolf.createLobby(LobbyRequests.desktopFor("s"), c)))
                .isInstanceOf(WolfException.class).hasMessageContaining("Lobby setup timed out");
        p.close();

        assertThat(sim.lobbies()).as("Wolf kept the lobby").hasSize(2);
        assertFull();
        assertSettledWithNothingLeft(reaper.runOnce());
    }

    @Test
    void commitRefusedByTheDatabaseIsCountedThenStoppedAfterTheReservationLapses() throws Exception {
        Permit p = governor.acquire(AdmissionRequest.forSession("s"));
        LobbyCredentials credentials = p.beginCreate();
        String lobbyId = wolf.createLobby(LobbyRequests.desktopFor("s"), credentials);
        database.begin();
        assertThatThrownBy(() -> p.commit(lobbyId)).isInstanceOf(StoreException.class);
        p.close(); // the database is down: not even "abandoned" can be written
        database.end();

        assertFull();
        assertThat(settled(reaper.runOnce())).as("the permit may still commit").isEmpty();
        clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL);
        assertFull();
        assertSettledWithNothingLeft(reaper.runOnce());
    }
}
