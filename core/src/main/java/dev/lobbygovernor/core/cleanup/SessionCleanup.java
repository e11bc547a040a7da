package dev.lobbygovernor.core.cleanup;

/**
 * What the reaper does about leaked streaming sessions: sessions no running lobby lists, no
 * client streams and whose app no client uses, seen so in two listings in a row past
 * {@link ReaperConfig#sessionGrace()}. An attached session is never touched in any mode.
 */
public enum SessionCleanup {
    /** Streaming sessions are not listed at all (the default). */
    OFF,
    /** Leaked sessions are reported, once each, and left running. */
    REPORT,
    /** Leaked sessions are stopped and verified gone. */
    STOP
}
