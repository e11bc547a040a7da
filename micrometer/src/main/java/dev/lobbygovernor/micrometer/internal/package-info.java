/** The meters behind {@link dev.lobbygovernor.micrometer.LobbyGovernorMetrics}; not an API. */
package dev.lobbygovernor.micrometer.internal;
