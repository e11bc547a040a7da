package dev.lobbygovernor.testing.planted.api;

/** Planted violation: a package-private implementation class in an API package. */
final class Hidden {
}
