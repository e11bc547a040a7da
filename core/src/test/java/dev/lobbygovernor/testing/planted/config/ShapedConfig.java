package dev.lobbygovernor.testing.planted.config;

/** A configuration in the one shape: final, private constructor, builder() and toBuilder(). */
public final class ShapedConfig {
    private final int limit;

    private ShapedConfig(int limit) {
        this.limit = limit;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these settings.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.limit = limit;
        return b;
    }

    /** Builds it. */
    public static final class Builder {
        private int limit;

        /**
         * The configuration.
         *
         * @return it
         */
        public ShapedConfig build() {
            return new ShapedConfig(limit);
        }
    }
}
