package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.store.LobbyPin;
import java.time.Duration;
import java.util.List;

/**
 * What the demo saw, for its final table and for tests that check the timeline.
 *
 * @param timeline every step, in order
 * @param expectations every checked promise
 * @param attempts every admission attempt, in order
 * @param leakedLobbyId the lobby started directly on Wolf, behind the governor's back
 * @param detectionLatency from NVML breaking to the monitor reporting monitoring lost
 * @param probeCallsToDetect probe calls started after the break, up to the detection
 * @param monitoringLostEvents how often monitoring was reported lost while NVML stayed broken
 * @param pollsWhileLost how many polls ran after the detection
 * @param cleanup the reaper's outcomes after the project was deleted
 * @param lobbiesAtEnd the lobby ids Wolf lists at the end
 * @param recordsAtEnd the lobby ids the store keeps records for at the end
 * @param pins every PIN the demo created lobbies with (secrets: for leak checks only)
 * @param output everything the demo printed
 */
record DemoReport(
        List<Timeline.Entry> timeline,
        List<Expectations.Expectation> expectations,
        List<Attempt> attempts,
        String leakedLobbyId,
        Duration detectionLatency,
        int probeCallsToDetect,
        int monitoringLostEvents,
        int pollsWhileLost,
        List<CleanupOutcome> cleanup,
        List<String> lobbiesAtEnd,
        List<String> recordsAtEnd,
        List<LobbyPin> pins,
        String output) {

    /**
     * One admission attempt.
     *
     * @param sessionId the session asking for a lobby
     * @param project the project the session belongs to
     * @param lobbyId the lobby created, empty if refused
     * @param activeAfter lobbies active with this one (admitted) or at the refusal
     * @param cap the host's cap
     * @param warning whether the permit said the host is nearly full
     * @param refusal the refusal's message, empty if admitted
     */
    record Attempt(String sessionId, String project, String lobbyId, int activeAfter, int cap,
            boolean warning, String refusal) {

        boolean admitted() {
            return !lobbyId.isEmpty();
        }
    }

    boolean allHeld() {
        return !expectations.isEmpty() && expectations.stream().allMatch(Expectations.Expectation::held);
    }
}
