/**
 * Spring Boot 4 auto-configuration for Lobby Governor: the governor, its health monitor and
 * reaper from {@link dev.lobbygovernor.spring.LobbyGovernorProperties lobby-governor.*}
 * properties, started and stopped with the application context; a
 * {@link dev.lobbygovernor.spring.LobbyGovernorHealthIndicator health indicator}; the Micrometer
 * binder when Micrometer is present; the
 * {@link dev.lobbygovernor.spring.AdmissionProblemAdvice problem+json refusal}; and the live
 * dashboard. The implementation lives in {@code dev.lobbygovernor.spring.internal}.
 */
package dev.lobbygovernor.spring;
