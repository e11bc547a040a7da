/**
 * A tiny control-plane service on Spring Boot, wired by the Lobby Governor starter: create a
 * session's lobby, list the sessions' lobbies; a refused lobby becomes the starter's problem
 * response, and Actuator shows the governor's health and metrics.
 */
package dev.lobbygovernor.examples.spring;
