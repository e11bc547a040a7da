package dev.lobbygovernor.smi.internal;

/** Kills one process. Replaceable so tests can simulate a process that will not die. */
@FunctionalInterface
public interface ProcessKiller {
    /**
     * Asks the process to die at once.
     *
     * @param process the process to kill
     */
    void kill(ProcessHandle process);
}
