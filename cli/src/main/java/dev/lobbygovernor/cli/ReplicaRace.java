package dev.lobbygovernor.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.store.InProcessAdmissionLedger;
import dev.lobbygovernor.store.jdbc.JdbcSchema;
import dev.lobbygovernor.store.jdbc.JdbcSessionStore;
import dev.lobbygovernor.store.jdbc.SessionLookup;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Control-plane replicas racing for a host's last slots: each replica is a governor with its
 * own connection pool to one PostgreSQL, its own Wolf client, and one Wolf that lists a new
 * lobby only after a delay, so no replica's listing shows the others' new lobbies in time.
 * With the shared ledger ({@code JdbcAdmissionLedger}) the database decides; without it each
 * replica decides alone ({@link InProcessAdmissionLedger}), as one process would.
 */
final class ReplicaRace implements AutoCloseable {

    static final int CAP = 5;
    /** Wolf lists a new lobby this late, so a listing cannot tell a replica about the others' lobbies. */
    static final Duration LISTING_DELAY = Duration.ofMillis(500);
    /** The application's own session table, which the governor only reads. */
    private static final String SESSIONS = "app_sessions";

    private final Path dir;
    private final WolfSimulator sim;
    private final List<Replica> replicas = new ArrayList<>();
    private final ExecutorService pool;
    /** Each trial races on a host of its own, so no record of an earlier trial counts. */
    private int hosts;

    /** One replica's connections: its pool, its store over them and its own Wolf client. */
    private record Replica(HikariDataSource pool, JdbcSessionStore store, WolfClient wolf) {
    }

    /**
     * What one trial came to.
     *
     * @param free slots free before the race
     * @param granted lobbies the replicas created
     * @param running lobbies Wolf runs afterwards
     */
    record Trial(int free, int granted, int running) {
        boolean overCap() {
            return running > CAP;
        }
    }

    /**
     * Every trial of one run.
     *
     * @param trials each trial
     */
    record Result(List<Trial> trials) {
        long overAdmissions() {
            return trials.stream().filter(Trial::overCap).count();
        }

        int worst() {
            return trials.stream().mapToInt(Trial::running).max().orElse(0);
        }
    }

    /**
     * Replicas over one database, each with its own pool.
     *
     * @param jdbcUrl the database, user and password included
     * @param count how many replicas
     */
    ReplicaRace(String jdbcUrl, int count) throws IOException {
        this.dir = Files.createTempDirectory("lobby-governor-replicas");
        this.sim = WolfSimulator.builder().start(dir);
        this.pool = Executors.newFixedThreadPool(count, r -> {
            Thread t = new Thread(r, "lobby-governor-replica");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < count; i++) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(2);
            config.setPoolName("replica-" + (i + 1));
            HikariDataSource ds = new HikariDataSource(config);
            if (i == 0) {
                JdbcSchema.migrate(ds);
                execute(ds, "CREATE TABLE IF NOT EXISTS " + SESSIONS + " (id text PRIMARY KEY, deleted_at timestamptz)");
            }
            replicas.add(new Replica(ds, JdbcSessionStore.create(ds, SessionLookup.table(SESSIONS, "id", "deleted_at")),
                    WolfClient.builder().unixSocket(sim.socketPath()).build()));
        }
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the demo database: " + e.getMessage(), e);
        }
    }

    /**
     * Races every replica for {@code free} last slots, {@code trials} times, each trial on a
     * freshly restarted Wolf.
     *
     * @param trials how many races
     * @param free slots left free before each race (1 to {@link #CAP})
     * @param sharedLedger whether the replicas share the database's ledger
     * @return every trial
     */
    Result run(int trials, int free, boolean sharedLedger) throws Exception {
        List<Trial> out = new ArrayList<>(trials);
        for (int t = 0; t < trials; t++) {
            out.add(trial("wolf-" + (++hosts), free, sharedLedger));
        }
        return new Result(out);
    }

    private Trial trial(String hostId, int free, boolean sharedLedger) throws Exception {
        sim.restart(); // no lobby left from the last trial
        sim.listNewLobbiesAfter(Duration.ZERO);
        for (int i = 0; i < CAP - free; i++) {
            sim.createLeakedLobby("running-" + i, Optional.empty());
        }
        sim.listNewLobbiesAfter(LISTING_DELAY);
        List<LobbyGovernor> governors = new ArrayList<>();
        for (Replica r : replicas) {
            governors.add(LobbyGovernor.builder().store(r.store())
                    .ledger(sharedLedger ? r.store().admissionLedger() : new InProcessAdmissionLedger(r.store()))
                    .host(Host.of(hostId, new WolfLobbyRuntime(r.wolf()), HostLimits.builder().staticCap(CAP).build()))
                    .build());
        }
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> racers = new ArrayList<>();
        for (int i = 0; i < governors.size(); i++) {
            LobbyGovernor governor = governors.get(i);
            WolfClient wolf = replicas.get(i).wolf();
            String session = hostId + "-session-" + i;
            racers.add(pool.submit(() -> {
                start.await();
                try (Permit permit = governor.acquire(AdmissionRequest.forSession(session))) {
                    permit.create(c -> wolf.createLobby(LobbyRequests.desktopFor(session), c));
                    granted.incrementAndGet();
                } catch (AdmissionDeniedException refused) {
                    // the cap held: that is the point
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : racers) {
            f.get(30, TimeUnit.SECONDS);
        }
        return new Trial(free, granted.get(), sim.lobbies().size());
    }

    @Override
    public void close() throws IOException {
        pool.shutdownNow();
        for (Replica r : replicas) {
            r.wolf().close();
            r.pool().close();
        }
        sim.close();
        Files.deleteIfExists(dir.resolve(WolfSimulator.SOCKET_FILE_NAME));
        Files.deleteIfExists(dir);
    }
}
