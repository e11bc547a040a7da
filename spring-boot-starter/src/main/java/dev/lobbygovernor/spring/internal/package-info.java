/** The beans behind {@link dev.lobbygovernor.spring.LobbyGovernorAutoConfiguration}; not an API. */
package dev.lobbygovernor.spring.internal;
