package dev.lobbygovernor.wolf.sim.internal;

/**
 * What a route answers: a plain {@link HttpResponse}, an event stream kept open, or a
 * {@link CrashAfter} (a last response after which the simulated Wolf crashes).
 */
interface Reply {

    /** Keep the connection open and stream Server-Sent Events to it. */
    record EventStream() implements Reply {
    }
}
