package dev.lobbygovernor.store.jdbc.internal;

/**
 * The statements over the store's own tables (see the migrations for their definitions). Table
 * names are unqualified: they live in the schema the connection's {@code search_path} finds.
 */
public final class StoreSql {

    /** Lobby records. */
    public static final String LOBBIES = "lobby_governor_lobby_record";
    /** Reservations. */
    public static final String RESERVATIONS = "lobby_governor_reservation";

    private static final String LOBBY_COLUMNS = "lobby_id, host_id, session_id, pin, created_at, last_activity_at, gpu";
    private static final String RESERVATION_COLUMNS =
            "reservation_id, host_id, session_id, pin, lobby_name, created_at, expires_at, phase, create_started_at, gpu";

    /** Upserts a lobby record; parameters as {@link Rows#bindLobby}. */
    public static final String UPSERT_LOBBY = "INSERT INTO " + LOBBIES + " (" + LOBBY_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lobby_id) DO UPDATE SET host_id = EXCLUDED.host_id,"
            + " session_id = EXCLUDED.session_id, pin = EXCLUDED.pin, created_at = EXCLUDED.created_at,"
            + " last_activity_at = EXCLUDED.last_activity_at, gpu = EXCLUDED.gpu";

    /**
     * Moves last activity forward only, and answers whether the record exists: the outer query
     * reads the snapshot from before the update, in which the record exists either way.
     * Parameters: the new time, the lobby id, the new time again, the lobby id again.
     */
    public static final String TOUCH_LOBBY = "WITH moved AS (UPDATE " + LOBBIES + " SET last_activity_at = ?"
            + " WHERE lobby_id = ? AND last_activity_at < ? RETURNING 1)"
            + " SELECT EXISTS (SELECT 1 FROM " + LOBBIES + " WHERE lobby_id = ?) OR EXISTS (SELECT 1 FROM moved)";

    /** Moves last activity forward only, for every lobby id in an array. Parameters: time, ids, time. */
    public static final String TOUCH_LOBBIES = "UPDATE " + LOBBIES + " SET last_activity_at = ?"
            + " WHERE lobby_id = ANY(?) AND last_activity_at < ?";

    /** One lobby record by id. */
    public static final String FIND_LOBBY = "SELECT " + LOBBY_COLUMNS + " FROM " + LOBBIES + " WHERE lobby_id = ?";

    /** A host's lobby records, oldest first. */
    public static final String LOBBIES_ON_HOST = "SELECT " + LOBBY_COLUMNS + " FROM " + LOBBIES
            + " WHERE host_id = ? ORDER BY created_at, lobby_id";

    /** Lobby records idle since a cutoff, least recently active first. */
    public static final String LOBBIES_IDLE_SINCE = "SELECT " + LOBBY_COLUMNS + " FROM " + LOBBIES
            + " WHERE last_activity_at < ? ORDER BY last_activity_at, lobby_id";

    /** Every lobby record, oldest first. */
    public static final String ALL_LOBBIES = "SELECT " + LOBBY_COLUMNS + " FROM " + LOBBIES
            + " ORDER BY created_at, lobby_id";

    /** Removes one lobby record. */
    public static final String REMOVE_LOBBY = "DELETE FROM " + LOBBIES + " WHERE lobby_id = ?";

    /** Upserts a reservation; parameters as {@link Rows#bindReservation}. */
    public static final String UPSERT_RESERVATION = "INSERT INTO " + RESERVATIONS + " (" + RESERVATION_COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (reservation_id) DO UPDATE SET"
            + " host_id = EXCLUDED.host_id, session_id = EXCLUDED.session_id, pin = EXCLUDED.pin,"
            + " lobby_name = EXCLUDED.lobby_name, created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at,"
            + " phase = EXCLUDED.phase, create_started_at = EXCLUDED.create_started_at, gpu = EXCLUDED.gpu";

    /** Replaces an existing reservation; parameters as {@link Rows#bindReservation}. */
    public static final String UPDATE_RESERVATION = "UPDATE " + RESERVATIONS + " SET reservation_id = ?,"
            + " host_id = ?, session_id = ?, pin = ?, lobby_name = ?, created_at = ?, expires_at = ?, phase = ?,"
            + " create_started_at = ?, gpu = ? WHERE reservation_id = ?";

    /** A host's reservations, oldest first. */
    public static final String RESERVATIONS_ON_HOST = "SELECT " + RESERVATION_COLUMNS + " FROM " + RESERVATIONS
            + " WHERE host_id = ? ORDER BY created_at, reservation_id";

    /** Every reservation, oldest first. */
    public static final String ALL_RESERVATIONS = "SELECT " + RESERVATION_COLUMNS + " FROM " + RESERVATIONS
            + " ORDER BY created_at, reservation_id";

    /** Removes one reservation. */
    public static final String REMOVE_RESERVATION = "DELETE FROM " + RESERVATIONS + " WHERE reservation_id = ?";

    /**
     * A host's lobby records and reservations in one statement, so that under READ COMMITTED
     * both come from one snapshot: a commit that turns a reservation into a record is seen
     * whole or not at all. {@code kind} is {@code L} or {@code R}; parameters: the host twice.
     */
    public static final String HOST_RECORDS = "SELECT 'L' AS kind, lobby_id, NULL AS reservation_id, host_id,"
            + " session_id, pin, NULL AS lobby_name, created_at, last_activity_at, NULL::timestamptz AS expires_at,"
            + " NULL AS phase, NULL::timestamptz AS create_started_at, gpu FROM " + LOBBIES + " WHERE host_id = ?"
            + " UNION ALL SELECT 'R', NULL, reservation_id, host_id, session_id, pin, lobby_name, created_at, NULL,"
            + " expires_at, phase, create_started_at, gpu FROM " + RESERVATIONS + " WHERE host_id = ?"
            + " ORDER BY kind, created_at, lobby_id, reservation_id";

    /** Takes a transaction-scoped advisory lock on a 64-bit key. */
    public static final String LOCK_HOST = "SELECT pg_advisory_xact_lock(?)";

    private StoreSql() {
    }
}
