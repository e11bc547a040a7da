package dev.lobbygovernor.testing.planted.config;

/**
 * Planted violation: a configuration as a record, whose new field would break every caller.
 *
 * @param limit a setting
 */
public record RecordConfig(int limit) {
}
