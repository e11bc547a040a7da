package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.HostDenial;

/** The sentences denials carry: what happened, then what the user can do. */
final class DenialText {

    static final String CLOSE_A_SESSION = "Please close an unused session and try again.";

    private DenialText() {
    }

    /** The complete message of one host's refusal. */
    static String message(DenialReason reason, String hostId, int active, int cap) {
        return message(reason, hostId, active, cap, SERVER);
    }

    /** Who refuses when a streaming server's own report refuses, if it did not name itself. */
    static final String SERVER = "the streaming server";

    /**
     * The complete message of one host's refusal, naming the streaming server ({@code server},
     * such as {@code Wolf}) when its own health report is what refused.
     */
    static String message(DenialReason reason, String hostId, int active, int cap, String server) {
        if (reason == DenialReason.SERVER_UNHEALTHY) {
            String name = Character.toUpperCase(server.charAt(0)) + server.substring(1);
            return name + " on host " + hostId + " reports that it cannot create new pipelines (" + server
                    + "'s own health report), so the host admits no new lobby (" + active + "/" + cap
                    + " lobbies active). Restart " + server + " on that host, or wait until it reports healthy"
                    + " again, then try again.";
        }
        String what = what(reason, hostId, active, cap);
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + ". " + advice(reason);
    }

    /** Host ids longer than this are cut in a fleet's sentence, which stays short. */
    private static final int ID_IN_SENTENCE = 64;

    /**
     * The message when every one of several hosts refused: one short sentence with the numbers
     * of the host closest to admitting (every host's own refusal is in the exception's fields,
     * not here: at a thousand hosts their sentences would fill pages).
     *
     * @param primary the refusal of the host closest to admitting
     * @param hosts how many hosts refused
     */
    static String fleet(HostDenial primary, int hosts) {
        String id = primary.hostId().length() <= ID_IN_SENTENCE ? primary.hostId()
                : primary.hostId().substring(0, ID_IN_SENTENCE) + "...";
        String counts = "(" + primary.active() + "/" + primary.cap() + " lobbies active)";
        switch (primary.reason()) {
            case MONITORING_LOST:
                return "GPU monitoring is not working on host " + id + " " + counts + ", the best of " + hosts
                        + " hosts, so no host can take it. " + advice(primary.reason());
            case SERVER_UNHEALTHY:
                return "The streaming server on host " + id + " " + counts + ", the best of " + hosts
                        + " hosts, reports in its own health report that it cannot create new pipelines, so no"
                        + " host can take it. " + advice(primary.reason());
            case GPU_FAULT:
                return "A GPU of host " + id + " " + counts + ", the best of " + hosts
                        + " hosts, had a hardware fault and needs a reset, so no host can take it. "
                        + advice(primary.reason());
            case HOST_UNAVAILABLE:
                return "None of the " + hosts + " streaming hosts can be reached, so no host can take it. "
                        + "Check that their streaming servers are running, then try again.";
            default:
                String what = what(primary.reason(), id, primary.active(), primary.cap());
                return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " on " + id
                        + ", the least loaded of " + hosts + " hosts, so no host can take it. "
                        + advice(primary.reason());
        }
    }

    private static String what(DenialReason reason, String hostId, int active, int cap) {
        String counts = "(" + active + "/" + cap + " lobbies active)";
        switch (reason) {
            case LOBBY_LIMIT:
                return "GPU resource limit reached " + counts;
            case GPU_MEMORY:
                return "GPU memory limit reached " + counts;
            case ENCODER_SESSIONS:
                return "GPU video encoder limit reached (" + active + "/" + cap + " encoder sessions in use)";
            case MONITORING_LOST:
                return "GPU monitoring is not working on host " + hostId
                        + ", so it admits no new lobby " + counts;
            case HOST_UNAVAILABLE:
                return "streaming host " + hostId + " cannot be reached, so its lobbies cannot be counted";
            case GPU_FAULT:
                return "a GPU of host " + hostId + " had a hardware fault and needs a reset, so the host admits"
                        + " no new lobby " + counts;
            default:
                throw new IllegalArgumentException("unknown reason " + reason);
        }
    }

    private static String advice(DenialReason reason) {
        switch (reason) {
            case MONITORING_LOST:
                return "Check nvidia-smi on that host or restart its streaming server, then try again.";
            case HOST_UNAVAILABLE:
                return "Check that its streaming server is running, then try again.";
            case SERVER_UNHEALTHY:
                return "Restart its streaming server, or wait until it reports healthy again, then try again.";
            case GPU_FAULT:
                return "The host's health names the fault and what to do; try again once the GPU has recovered.";
            default:
                return CLOSE_A_SESSION;
        }
    }
}
