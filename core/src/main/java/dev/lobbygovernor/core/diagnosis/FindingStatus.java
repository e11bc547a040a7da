package dev.lobbygovernor.core.diagnosis;

/** What a check concluded. */
public enum FindingStatus {
    /** The check passed. */
    OK,
    /** Something is wrong that would make NVML, CUDA or NVENC fail; the finding's action says what to do. */
    PROBLEM,
    /** The check does not apply here or cannot be made from where the process runs; the evidence says why. */
    NOT_APPLICABLE
}
