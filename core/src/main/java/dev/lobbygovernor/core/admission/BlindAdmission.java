package dev.lobbygovernor.core.admission;

/**
 * What the governor admits while a host's GPU monitoring is lost or unknown. Neither choice is
 * permissive: the GPU-derived caps are dropped and only count-based caps remain.
 */
public enum BlindAdmission {
    /** Admit up to the static cap (and a configured encoder cap): the count-based fallback. */
    STATIC_CAP,
    /** Refuse every new lobby on the host, with {@link DenialReason#MONITORING_LOST}. */
    FAIL_CLOSED
}
