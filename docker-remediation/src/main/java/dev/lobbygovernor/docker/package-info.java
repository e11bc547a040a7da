/**
 * A {@link dev.lobbygovernor.core.health.Remediation} that restarts the streaming server's
 * container through the Docker Engine API on its UNIX socket, then verifies that the server
 * answers again with plausible GPU readings. JDK only: no Docker client library.
 */
package dev.lobbygovernor.docker;
