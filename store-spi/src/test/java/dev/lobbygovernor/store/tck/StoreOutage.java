package dev.lobbygovernor.store.tck;

import org.junit.jupiter.api.Assumptions;

/**
 * How the contract test kit makes the store's database unreachable, to check that every method
 * then throws {@code StoreException} instead of answering "nothing" (an empty listing makes
 * every lobby an orphan; a session lookup that answers "gone" stops live users' lobbies).
 *
 * <p>For a JDBC store, wrap the store's {@code DataSource} in one whose {@code getConnection}
 * throws {@code SQLException} between {@link #begin()} and {@link #end()}. Only a store with no
 * database at all may answer {@link #unsupported}.
 */
public interface StoreOutage {

    /** From now on the store's database cannot be reached. */
    void begin();

    /** The database is reachable again. */
    void end();

    /**
     * For a store that has no database to lose (an in-memory one): the kit's outage tests are
     * skipped, with {@code reason} as the skip's reason.
     *
     * @param reason why the store cannot fail this way
     * @return an outage whose {@link #begin()} skips the test
     */
    static StoreOutage unsupported(String reason) {
        return new StoreOutage() {
            @Override
            public void begin() {
                Assumptions.abort("no store outage to test: " + reason);
            }

            @Override
            public void end() {
            }
        };
    }
}
