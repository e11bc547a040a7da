package dev.lobbygovernor.store.jdbc.internal;

import dev.lobbygovernor.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL files of {@link #LOCATION} that a database lacks, in order, each
 * recorded in a history table of its own, all in one transaction under an advisory lock: two
 * replicas migrating at once apply each version once, and a failed migration leaves nothing
 * half done (PostgreSQL's DDL is transactional).
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Where the files are, as a classpath resource path. */
    public static final String LOCATION = "dev/lobbygovernor/store/jdbc/migration";

    /**
     * Every migration, in order. A classpath directory cannot be listed portably from a jar, so
     * the list is written out; a test checks it against the directory.
     */
    public static final List<String> FILES = List.of("V1__lobby_records_and_reservations.sql",
            "V2__gpu_placement.sql");

    /** The history table: one row per applied version. */
    public static final String HISTORY = "lobby_governor_schema_history";

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    /** A fixed advisory lock key for migrations: "lg-migra" in ASCII. */
    private static final long LOCK_KEY = 0x6c672d6d69677261L;

    private Migrations() {
    }

    /**
     * Applies what is pending.
     *
     * @param db the database
     * @return the versions applied now, possibly none
     * @throws StoreException if the database fails, or an applied version's file has changed
     */
    public static List<Integer> migrate(Database db) {
        return db.transaction("migrate the lobby-governor schema", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (version integer PRIMARY KEY,"
                        + " description text NOT NULL, checksum text NOT NULL,"
                        + " installed_at timestamptz NOT NULL DEFAULT now())");
            }
            Map<Integer, String> applied = applied(c);
            List<Integer> now = new java.util.ArrayList<>();
            for (String file : FILES) {
                Matcher m = FILE_NAME.matcher(file);
                if (!m.matches()) {
                    throw new IllegalStateException("not a migration file name: " + file);
                }
                int version = Integer.parseInt(m.group(1));
                String sql = read(file);
                String checksum = sha256(sql);
                String known = applied.get(version);
                if (known != null) {
                    if (!known.equals(checksum)) {
                        throw new StoreException("Schema version " + version + " was applied from a different "
                                + file + " than this release ships; the schema is not this release's");
                    }
                    continue;
                }
                try (Statement s = c.createStatement()) {
                    s.execute(sql);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO " + HISTORY + " (version, description, checksum) VALUES (?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, m.group(2).replace('_', ' '));
                    ps.setString(3, checksum);
                    ps.executeUpdate();
                }
                LOG.info("Applied lobby-governor schema version {} ({})", version, file);
                now.add(version);
            }
            return List.copyOf(now);
        });
    }

    private static Map<Integer, String> applied(Connection c) throws SQLException {
        Map<Integer, String> out = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + HISTORY)) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * A migration file's text.
     *
     * @param file its name in {@link #LOCATION}
     * @return its text
     */
    public static String read(String file) {
        String path = "/" + LOCATION + "/" + file;
        try (InputStream in = Migrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("migration " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + path, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
