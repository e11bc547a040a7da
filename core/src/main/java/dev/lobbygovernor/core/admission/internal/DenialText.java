package dev.lobbygovernor.core.admission.internal;

import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.HostDenial;
import java.util.List;

/** The sentences denials carry: what happened, then what the user can do. */
final class DenialText {

    static final String CLOSE_A_SESSION = "Please close an unused session and try again.";

    private DenialText() {
    }

    /** The complete message of one host's refusal. */
    static String message(DenialReason reason, String hostId, int active, int cap) {
        String what = what(reason, hostId, active, cap);
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + ". " + advice(reason);
    }

    /** The message when every host refused: each host's reason, then the primary's advice. */
    static String aggregate(HostDenial primary, List<HostDenial> all) {
        StringBuilder sb = new StringBuilder("No streaming host can take a new lobby: ");
        for (int i = 0; i < all.size(); i++) {
            HostDenial d = all.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(d.hostId()).append(": ").append(what(d.reason(), d.hostId(), d.active(), d.cap()));
        }
        return sb.append(". ").append(advice(primary.reason())).toString();
    }

    private static String what(DenialReason reason, String hostId, int active, int cap) {
        String counts = "(" + active + "/" + cap + " lobbies active)";
        switch (reason) {
            case LOBBY_LIMIT:
                return "GPU resource limit reached " + counts;
            case GPU_MEMORY:
                return "GPU memory limit reached " + counts;
            case ENCODER_SESSIONS:
                return "GPU video encoder limit reached " + counts;
            case MONITORING_LOST:
                return "GPU monitoring is not working on host " + hostId
                        + ", so it admits no new lobby " + counts;
            case HOST_UNAVAILABLE:
                return "streaming host " + hostId + " cannot be reached, so its lobbies cannot be counted";
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
            default:
                return CLOSE_A_SESSION;
        }
    }
}
