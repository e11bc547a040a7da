package dev.lobbygovernor.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.store.AdmissionLedger;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.InProcessAdmissionLedger;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.store.jdbc.JdbcSchema;
import dev.lobbygovernor.store.jdbc.JdbcSessionStore;
import dev.lobbygovernor.store.jdbc.SessionLookup;
import dev.lobbygovernor.store.jdbc.testing.CountingDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Replicated admission on a real PostgreSQL (embedded, started here), beside the in-process
 * ledger in the same run, and one reaper cycle over many JDBC records.
 *
 * <p><b>Admission.</b> R replicas, each a governor with its own two-connection pool, store and
 * ledger, admit concurrently (one thread each) on one host or spread over ten; every acquire
 * reserves in the database under the host's lock, and the permit is then closed (its
 * reservation deleted) untimed. The latency of each acquire is recorded; p50 and p99 are over
 * every acquire of the measured phase. Two loads: <em>saturated</em>, each replica admitting
 * back to back (a closed loop: latency there is mostly the queue for the host's lock), and
 * <em>paced</em>, each replica starting one admission every {@value #PACE_MILLIS} ms (40 per
 * second per replica, far above any real lobby-creation rate), which is the latency a request
 * sees. The in-process rows run the same governors over one
 * {@link InMemorySessionStore} and one {@link InProcessAdmissionLedger}, as one process would.
 * The runtimes answer from memory, so neither Wolf nor a socket is measured.
 *
 * <p><b>Cleanup.</b> One reaper cycle over records spread evenly over hosts, every lobby listed
 * and in use, none due, each in-use lobby's activity written every cycle (a zero activity
 * resolution): what the busiest steady cycle costs. The statements it sends are counted through a
 * counting {@code DataSource}, at two record counts and two host counts, to show they do not
 * grow with either.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.lobbygovernor.benchmarks.ReplicatedAdmissionHarness}.
 */
public final class ReplicatedAdmissionHarness {

    private static final int WARMUP_PER_REPLICA = 300;
    private static final int MEASURED_PER_REPLICA = 1_500;
    /** Paced rows: each replica starts one admission every this many milliseconds. */
    private static final long PACE_MILLIS = 25;
    private static final int PACED_PER_REPLICA = 600;

    private ReplicatedAdmissionHarness() {
    }

    /** A runtime that lists a fixed set of lobbies from memory. */
    private static final class MemoryRuntime implements LobbyRuntime {
        private final List<LiveLobby> lobbies;

        MemoryRuntime(List<LiveLobby> lobbies) {
            this.lobbies = List.copyOf(lobbies);
        }

        @Override
        public List<LiveLobby> listLobbies() {
            return lobbies;
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
            throw new UnsupportedOperationException("nothing is stopped here");
        }
    }

    /**
     * Runs every configuration and prints one table.
     *
     * @param args none
     * @throws Exception if PostgreSQL cannot start
     */
    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres");
            try (HikariDataSource admin = pool(url, 2)) {
                JdbcSchema.migrate(admin);
                execute(admin, "CREATE TABLE app_sessions (id text PRIMARY KEY, deleted_at timestamptz)");
            }
            System.out.println("Admission latency, acquire only (each replica one thread), "
                    + MEASURED_PER_REPLICA + " acquires per replica after " + WARMUP_PER_REPLICA + " warm-up");
            System.out.printf("%-12s %8s %6s %10s %10s %10s%n", "ledger", "replicas", "hosts", "p50 µs", "p99 µs",
                    "max µs");
            // paced first: the saturated rows churn the reservation table, and a table full of
            // dead rows (until autovacuum runs) is not what a request on a quiet system meets
            for (boolean paced : new boolean[] {true, false}) {
                System.out.println(paced ? "paced: one admission every " + PACE_MILLIS + " ms per replica, "
                        + PACED_PER_REPLICA + " each" : "saturated: back to back");
                for (int hosts : new int[] {1, 10}) {
                    for (int replicas : new int[] {1, 4, 8}) {
                        print("in-process", replicas, hosts, inProcess(replicas, hosts, paced));
                        vacuum(url);
                        print("jdbc", replicas, hosts, jdbc(url, replicas, hosts, paced));
                    }
                }
            }
            System.out.println();
            System.out.println("Reaper cycle over JDBC records, every lobby listed and in use (median of 5 cycles)");
            System.out.printf("%8s %6s %12s %12s%n", "records", "hosts", "statements", "cycle ms");
            int run = 0;
            for (int[] shape : new int[][] {{1_000, 10}, {1_000, 100}, {10_000, 100}}) {
                reaperCycle(url, shape[0], shape[1], "r" + (run++));
            }
        }
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    /** Each row starts on vacuumed tables, not on the dead rows the previous row left. */
    private static void vacuum(String url) throws Exception {
        try (HikariDataSource ds = pool(url, 1)) {
            execute(ds, "VACUUM ANALYZE lobby_governor_reservation");
            execute(ds, "VACUUM ANALYZE lobby_governor_lobby_record");
        }
    }

    private static void execute(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static LobbyGovernor governor(SessionStore store, AdmissionLedger ledger, int hosts, String prefix) {
        LobbyGovernor.Builder b = LobbyGovernor.builder().store(store).ledger(ledger);
        for (int h = 0; h < hosts; h++) {
            b.host(Host.of(prefix + h, new MemoryRuntime(List.of()),
                    HostLimits.builder().staticCap(Integer.MAX_VALUE).build()));
        }
        return b.build();
    }

    private static long[] inProcess(int replicas, int hosts, boolean paced) throws Exception {
        InMemorySessionStore store = new InMemorySessionStore();
        InProcessAdmissionLedger ledger = new InProcessAdmissionLedger(store);
        String prefix = "mem-" + replicas + "-" + hosts + "-" + paced + "-";
        List<LobbyGovernor> governors = new ArrayList<>();
        for (int r = 0; r < replicas; r++) {
            governors.add(governor(store, ledger, hosts, prefix));
        }
        return race(governors, hosts, prefix, paced);
    }

    private static long[] jdbc(String url, int replicas, int hosts, boolean paced) throws Exception {
        List<HikariDataSource> pools = new ArrayList<>();
        String prefix = "pg-" + replicas + "-" + hosts + "-" + paced + "-";
        try {
            List<LobbyGovernor> governors = new ArrayList<>();
            for (int r = 0; r < replicas; r++) {
                HikariDataSource ds = pool(url, 2);
                pools.add(ds);
                JdbcSessionStore store = JdbcSessionStore.create(ds, SessionLookup.table("app_sessions", "id",
                        "deleted_at"));
                governors.add(governor(store, store.admissionLedger(), hosts, prefix));
            }
            return race(governors, hosts, prefix, paced);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }

    /** Every governor on its own thread; replica r admits on host r mod hosts. */
    private static long[] race(List<LobbyGovernor> governors, int hosts, String prefix, boolean paced)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(governors.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<long[]>> futures = new ArrayList<>();
            for (int r = 0; r < governors.size(); r++) {
                LobbyGovernor governor = governors.get(r);
                AdmissionRequest request = AdmissionRequest.forSession("bench-" + r).onHost(prefix + (r % hosts));
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < WARMUP_PER_REPLICA; i++) {
                        governor.acquire(request).close();
                    }
                    long[] nanos = new long[paced ? PACED_PER_REPLICA : MEASURED_PER_REPLICA];
                    long next = System.nanoTime();
                    for (int i = 0; i < nanos.length; i++) {
                        if (paced) {
                            next += TimeUnit.MILLISECONDS.toNanos(PACE_MILLIS);
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        }
                        long t0 = System.nanoTime();
                        Permit p = governor.acquire(request);
                        nanos[i] = System.nanoTime() - t0;
                        p.close();
                    }
                    return nanos;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : futures) {
                for (long n : f.get(10, TimeUnit.MINUTES)) {
                    all.add(n);
                }
            }
            return all.stream().mapToLong(Long::longValue).sorted().toArray();
        } finally {
            pool.shutdownNow();
        }
    }

    private static void print(String ledger, int replicas, int hosts, long[] sorted) {
        System.out.printf("%-12s %8d %6d %10.1f %10.1f %10.1f%n", ledger, replicas, hosts,
                percentile(sorted, 0.50) / 1_000.0, percentile(sorted, 0.99) / 1_000.0,
                sorted[sorted.length - 1] / 1_000.0);
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void reaperCycle(String url, int records, int hosts, String prefix) throws Exception {
        try (HikariDataSource ds = pool(url, 4)) {
            Instant now = Instant.now();
            Map<String, List<LiveLobby>> listed = new HashMap<>();
            try (Connection c = ds.getConnection();
                    PreparedStatement ps = c.prepareStatement("INSERT INTO app_sessions (id) VALUES (?)")) {
                for (int i = 0; i < records; i++) {
                    ps.setString(1, prefix + "-s" + i);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            JdbcSessionStore writer = JdbcSessionStore.create(ds, SessionLookup.table("app_sessions", "id",
                    "deleted_at"));
            for (int i = 0; i < records; i++) {
                String host = prefix + "-h" + (i % hosts);
                String lobby = prefix + "-l" + i;
                writer.saveLobby(new LobbyRecord(lobby, host, prefix + "-s" + i, LobbyPin.of("1234"), now, now));
                listed.computeIfAbsent(host, h -> new ArrayList<>()).add(new LiveLobby(lobby, lobby, true, 1));
            }
            CountingDataSource counting = new CountingDataSource(ds);
            JdbcSessionStore store = JdbcSessionStore.create(counting, SessionLookup.table("app_sessions", "id",
                    "deleted_at"));
            Map<String, LobbyRuntime> runtimes = new HashMap<>();
            listed.forEach((h, l) -> runtimes.put(h, new MemoryRuntime(l)));
            // every in-use lobby's activity written each cycle: the most statements a cycle sends
            ReaperConfig everyWrite = ReaperConfig.builder().activityResolution(Duration.ZERO).build();
            try (LobbyReaper reaper = LobbyReaper.builder(store, runtimes).config(everyWrite).build()) {
                reaper.runOnce();
                long[] ms = new long[5];
                int statements = 0;
                for (int i = 0; i < ms.length; i++) {
                    counting.reset();
                    long t0 = System.nanoTime();
                    CycleReport report = reaper.runOnce();
                    ms[i] = System.nanoTime() - t0;
                    statements = counting.executed().size();
                    if (!report.outcomes().isEmpty()) {
                        throw new IllegalStateException("a steady cycle acted: " + report.outcomes().size());
                    }
                }
                Arrays.sort(ms);
                System.out.printf("%8d %6d %12d %12.1f%n", records, hosts, statements, ms[2] / 1e6);
            }
        }
    }
}
