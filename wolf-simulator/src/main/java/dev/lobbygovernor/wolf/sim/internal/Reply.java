package dev.lobbygovernor.wolf.sim.internal;

/**
 * What a route answers: a plain response, an event stream kept open, or a last response after
 * which the simulated Wolf crashes.
 */
sealed interface Reply permits HttpResponse, Reply.EventStream, Reply.CrashAfter {

    /** Keep the connection open and stream Server-Sent Events to it. */
    record EventStream() implements Reply {
    }

    /**
     * Answer {@code last}, then crash: the GPU stack failed, as the incident's 7th lobby did,
     * and the Wolf container exited.
     */
    record CrashAfter(HttpResponse last) implements Reply {
    }
}
