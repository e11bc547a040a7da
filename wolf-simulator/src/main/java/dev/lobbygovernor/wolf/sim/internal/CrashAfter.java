package dev.lobbygovernor.wolf.sim.internal;

/**
 * Answer {@code last}, then crash: the GPU stack failed, as the incident's 7th lobby did, and the
 * Wolf container exited.
 *
 * @param last the response sent before the crash
 */
record CrashAfter(HttpResponse last) implements Reply {
}
