package dev.lobbygovernor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.jdbc.JdbcSchema;
import dev.lobbygovernor.store.jdbc.JdbcSessionStore;
import dev.lobbygovernor.store.jdbc.SessionLookup;
import dev.lobbygovernor.store.jdbc.testing.PostgresFixture;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.model.JoinLobbyRequest;
import dev.lobbygovernor.wolf.model.StreamSession;
import dev.lobbygovernor.wolf.sim.WolfSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cleanup --dry-run} against a Wolf simulator: the Wolf-side plan without a store, the
 * whole plan over a PostgreSQL store, and, either way, not one lobby, session or record changed.
 */
class CleanupCommandTest {

    private static final String PIN_DIGITS = "619284";

    @TempDir
    Path temp;
    WolfSimulator sim;
    WolfClient client;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** What runs on the simulated Wolf. */
    String openOrphan;
    String lockedOrphan;
    String joined;
    String leakedSession;
    String attachedSession;
    String streamingSession;

    @BeforeEach
    void startSimulator() throws Exception {
        sim = WolfSimulator.builder().start(temp);
        client = WolfSocketOption.client(sim.socketPath());
        openOrphan = client.createLobby(LobbyRequests.desktopFor("open"));
        lockedOrphan = client.createLobby(LobbyRequests.desktopFor("locked").withPin(LobbyPin.of(PIN_DIGITS)));
        joined = openOrphan;
        attachedSession = sim.createSession("10.0.0.7");
        client.joinLobby(new JoinLobbyRequest(joined, attachedSession, null));
        streamingSession = sim.createSession("10.0.0.8"); // streams an app, in no lobby
        leakedSession = sim.createSession("10.0.0.9");
        sim.abandonSession(leakedSession); // its client went away: no lobby, no stream
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private int run(Map<String, String> env, String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, Clock.systemUTC(), List::of).run(args);
    }

    private String text() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private JsonNode json() throws Exception {
        return GpuJson.MAPPER.readTree(text());
    }

    /** Every lobby and session Wolf runs, by id. */
    private Set<String> wolfState() throws Exception {
        Set<String> state = new TreeSet<>();
        client.listLobbies().forEach(l -> state.add("lobby " + l.id() + " " + l.connectedSessions()));
        for (StreamSession s : client.listSessions()) {
            state.add("session " + s.id());
        }
        return state;
    }

    private void assertNothingStopped(Set<String> before) throws Exception {
        assertThat(wolfState()).isEqualTo(before);
        assertThat(sim.requestCount("POST", "/api/v1/lobbies/stop")).isZero();
        assertThat(sim.requestCount("POST", "/api/v1/sessions/stop")).isZero();
    }

    @Test
    void refusesWithoutDryRunAndChangesNothing() throws Exception {
        Set<String> before = wolfState();

        int code = run(Map.of(), "cleanup", "--wolf-socket", sim.socketPath().toString());

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dry-run is required");
        assertNothingStopped(before);
    }

    @Test
    void withoutAStoreShowsTheWolfSidePlanLabelledAsSuchAndStopsNothing() throws Exception {
        Set<String> before = wolfState();

        int code = run(Map.of(), "cleanup", "--dry-run", "--wolf-socket", sim.socketPath().toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text()).contains("DRY RUN: nothing was stopped, removed or touched")
                .contains("No store given: this is only the Wolf-side part of the plan")
                .contains("Lobbies with no record (no store given, so none has one here): 2")
                .containsPattern(openOrphan + " +would stop the lobby")
                .containsPattern(lockedOrphan + " +would report it \\(PIN-protected")
                .contains("Leaked streaming sessions: 1")
                .containsPattern(leakedSession + " +would stop the session")
                .doesNotContain(attachedSession).doesNotContain(streamingSession)
                .doesNotContain("Recorded lobbies")
                .doesNotContain(PIN_DIGITS);
        assertNothingStopped(before);
    }

    @Test
    void withoutAStoreTheJsonSaysItIsTheWolfSideOnly() throws Exception {
        Set<String> before = wolfState();

        int code = run(Map.of(), "cleanup", "--dry-run", "--json", "--wolf-socket", sim.socketPath().toString());

        assertThat(code).isZero();
        JsonNode root = json();
        assertThat(root.get("dryRun").asBoolean()).isTrue();
        assertThat(root.get("scope").asText()).isEqualTo("wolf-only");
        assertThat(root.get("store").isNull()).isTrue();
        assertThat(root.get("records")).isEmpty();
        List<String> orphans = new ArrayList<>();
        root.get("orphans").forEach(o -> orphans.add(o.get("id").asText() + " " + o.get("action").asText()));
        assertThat(orphans).containsExactlyInAnyOrder(openOrphan + " STOP_ORPHAN", lockedOrphan + " REPORT");
        assertThat(root.get("sessions")).singleElement()
                .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(leakedSession));
        assertThat(root.get("sessionsJudged").asBoolean()).isTrue();
        assertNothingStopped(before);
    }

    @Test
    void upstreamWolfHasNoClientListSoNoSessionIsJudged() throws Exception {
        try (WolfSimulator upstream = WolfSimulator.builder().withoutForkEndpoints()
                .start(java.nio.file.Files.createDirectory(temp.resolve("up")))) {
            String session = upstream.createSession("10.0.0.5");
            upstream.abandonSession(session);

            int code = run(Map.of(), "cleanup", "--dry-run", "--wolf-socket", upstream.socketPath().toString());

            assertThat(code).isZero();
            assertThat(text()).contains("Leaked streaming sessions: not judged").doesNotContain(session);
            assertThat(upstream.requestCount("POST", "/api/v1/sessions/stop")).isZero();
        }
    }

    @Test
    void withAPostgresStoreShowsWhatTheRecordsWouldStopAndChangesNoRecord() throws Exception {
        PostgresFixture.TestDatabase db = PostgresFixture.shared().freshDatabase();
        DataSource ds = db.unpooledDataSource();
        JdbcSchema.migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sessions (id text PRIMARY KEY, deleted_at timestamptz)");
            s.execute("INSERT INTO sessions (id) VALUES ('alive')");
        }
        JdbcSessionStore store = JdbcSessionStore.create(ds, SessionLookup.table("sessions", "id", "deleted_at"));
        Instant now = Instant.now();
        Instant longAgo = now.minus(Duration.ofMinutes(10));
        // the locked lobby belongs to a session that was hard-deleted: stop it with its stored PIN
        store.saveLobby(new LobbyRecord(lockedOrphan, "wolf-7", "deleted-session", LobbyPin.of(PIN_DIGITS), longAgo, now));
        // the joined lobby belongs to a live session: left alone
        store.saveLobby(new LobbyRecord(openOrphan, "wolf-7", "alive", null, longAgo, now));
        // a record whose lobby Wolf no longer runs: forgotten
        store.saveLobby(new LobbyRecord("gone-lobby", "wolf-7", "alive", null, longAgo, longAgo));
        // another host's record: not this Wolf's, not in this plan
        store.saveLobby(new LobbyRecord("elsewhere", "wolf-8", "deleted-session", null, longAgo, longAgo));
        String unrecorded = sim.createLeakedLobby("by hand", java.util.Optional.empty());
        Set<String> before = wolfState();
        int recordsBefore = store.allLobbies().size();
        Instant activityBefore = store.findLobby(openOrphan).orElseThrow().lastActivityAt();

        int code = run(Map.of(StoreOption.PASSWORD_ENV, "unused-when-the-url-has-one"), "cleanup", "--dry-run",
                "--json", "--wolf-socket", sim.socketPath().toString(), "--store-url", db.jdbcUrl(),
                "--session-deleted-column", "deleted_at", "--host", "wolf-7");

        assertThat(code).as(text() + err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode root = json();
        assertThat(root.get("scope").asText()).isEqualTo("store");
        assertThat(root.get("store").asText()).startsWith("jdbc:postgresql://").doesNotContain("?")
                .doesNotContain("password");
        List<String> records = new ArrayList<>();
        root.get("records").forEach(r -> records.add(r.get("id").asText() + " " + r.get("action").asText() + " "
                + r.get("why").asText()));
        assertThat(records).containsExactlyInAnyOrder(lockedOrphan + " STOP_LOBBY SESSION_GONE",
                "gone-lobby FORGET_RECORD LOBBY_NOT_LISTED");
        assertThat(root.get("orphans")).singleElement()
                .satisfies(o -> assertThat(o.get("id").asText()).isEqualTo(unrecorded));
        assertThat(root.get("sessions")).singleElement()
                .satisfies(s -> assertThat(s.get("id").asText()).isEqualTo(leakedSession));
        assertThat(text()).doesNotContain(PIN_DIGITS).doesNotContain("elsewhere");
        assertNothingStopped(before);
        assertThat(store.allLobbies()).hasSize(recordsBefore);
        assertThat(store.findLobby(openOrphan).orElseThrow().lastActivityAt())
                .as("a lobby with a client connected is not even touched").isEqualTo(activityBefore);
    }
}
