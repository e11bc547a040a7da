package dev.lobbygovernor.store.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link JdbcSessionStore} and {@link JdbcAdmissionLedger} talk to the database. Immutable;
 * each value is checked when it is set on the {@link Builder}. Start from {@link #defaults()},
 * {@link #builder()}, or an existing configuration's {@link #toBuilder()}.
 */
public final class JdbcStoreConfig {

    /**
     * How often a transaction that PostgreSQL aborted as a serialization failure or a deadlock
     * is tried in all. Such aborts are rare under the ledger's per-host lock; a few tries ride
     * them out, and the last failure is then reported as a {@code StoreException}.
     */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    /**
     * How long one statement may run, waiting for the host lock included. A reserve holds the
     * lock for a few milliseconds; a statement still running after this means a database in
     * trouble, and admission would rather refuse than hang.
     */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(10);

    private static final JdbcStoreConfig DEFAULTS = builder().build();

    private final int maxAttempts;
    private final Duration queryTimeout;

    private JdbcStoreConfig(Builder b) {
        this.maxAttempts = b.maxAttempts;
        this.queryTimeout = b.queryTimeout;
    }

    /**
     * The defaults: {@link #DEFAULT_MAX_ATTEMPTS} and {@link #DEFAULT_QUERY_TIMEOUT}.
     *
     * @return the default configuration
     */
    public static JdbcStoreConfig defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder holding {@link #defaults()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration, to change some values and keep the rest.
     *
     * @return a new builder holding this configuration's values
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * How often a transaction aborted by a serialization failure or deadlock is tried in all.
     *
     * @return at least 1
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * How long one statement may run before the driver cancels it.
     *
     * @return a whole number of seconds, at least one
     */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof JdbcStoreConfig)) {
            return false;
        }
        JdbcStoreConfig o = (JdbcStoreConfig) other;
        return maxAttempts == o.maxAttempts && queryTimeout.equals(o.queryTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, queryTimeout);
    }

    @Override
    public String toString() {
        return "JdbcStoreConfig[maxAttempts=" + maxAttempts + ", queryTimeout=" + queryTimeout + "]";
    }

    /** Builds a {@link JdbcStoreConfig}; each setter rejects a bad value at once, naming it. */
    public static final class Builder {
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;

        private Builder() {
        }

        private Builder(JdbcStoreConfig from) {
            this.maxAttempts = from.maxAttempts;
            this.queryTimeout = from.queryTimeout;
        }

        /**
         * How often an aborted transaction is tried in all. Default: {@link #DEFAULT_MAX_ATTEMPTS}.
         *
         * @param maxAttempts the number of tries, 1 for no retry
         * @return this builder
         * @throws IllegalArgumentException if {@code maxAttempts} is below 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * How long one statement may run. JDBC counts query timeouts in whole seconds.
         * Default: {@link #DEFAULT_QUERY_TIMEOUT}.
         *
         * @param queryTimeout the timeout, a whole number of seconds
         * @return this builder
         * @throws NullPointerException if {@code queryTimeout} is {@code null}
         * @throws IllegalArgumentException unless it is a positive whole number of seconds
         */
        public Builder queryTimeout(Duration queryTimeout) {
            Objects.requireNonNull(queryTimeout, "queryTimeout must not be null");
            if (queryTimeout.getSeconds() < 1 || queryTimeout.getNano() != 0
                    || queryTimeout.getSeconds() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "queryTimeout must be a positive whole number of seconds, was " + queryTimeout);
            }
            this.queryTimeout = queryTimeout;
            return this;
        }

        /**
         * The configuration.
         *
         * @return a configuration holding this builder's values
         */
        public JdbcStoreConfig build() {
            return new JdbcStoreConfig(this);
        }
    }
}
