/** The Docker Engine API exchange behind {@link dev.lobbygovernor.docker.DockerRemediation}; not an API. */
package dev.lobbygovernor.docker.internal;
