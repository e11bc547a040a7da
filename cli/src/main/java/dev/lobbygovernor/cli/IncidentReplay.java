package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.model.Lobby;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The incident, replayed against the library: lobbies are created until the governor refuses,
 * a lobby started behind its back breaks the simulated card's NVML, and a deleted project's
 * lobbies are cleaned up with their stored credentials. Each step is printed on the timeline and
 * each promise checked in {@link Expectations}.
 */
final class IncidentReplay {

    /** The refusal the incident asked for, word for word. */
    static final String REFUSAL =
            "GPU resource limit reached (5/5 lobbies active). Please close an unused session and try again.";
    /**
     * How long to wait for the monitor: generous, because the expectation is counted in probe
     * calls (one), not in milliseconds, and a busy machine may be slow.
     */
    private static final Duration WAIT_LIMIT = Duration.ofSeconds(15);
    /** How many further polls must pass without a second "monitoring lost". */
    static final int POLLS_WHILE_LOST = 5;

    /** A session of the host application and the project it belongs to. */
    private record Session(String id, String project) {
    }

    private static final List<Session> SESSIONS = List.of(
            new Session("s-alpha-1", "alpha"), new Session("s-alpha-2", "alpha"),
            new Session("s-alpha-3", "alpha"), new Session("s-beta-1", "beta"),
            new Session("s-beta-2", "beta"), new Session("s-gamma-1", "gamma"));
    private static final String DELETED_PROJECT = "alpha";

    private final DemoWorld world;
    private final Timeline timeline;
    private final Expectations expect;
    private final Random pinSource;
    private final List<DemoReport.Attempt> attempts = new ArrayList<>();
    private final List<LobbyPin> pins = new ArrayList<>();

    IncidentReplay(DemoWorld world, Timeline timeline, Expectations expect, long seed) {
        this.world = world;
        this.timeline = timeline;
        this.expect = expect;
        this.pinSource = new Random(seed);
    }

    List<DemoReport.Attempt> attempts() {
        return List.copyOf(attempts);
    }

    List<LobbyPin> pins() {
        return List.copyOf(pins);
    }

    /** Phase 1: admit lobbies until refused; health follows the count. */
    void admitUntilRefused() {
        HostHealth first = world.monitor.pollOnce().get(0);
        timeline.add("health", "first reading: " + first.status() + " via " + first.probeSource()
                + GpuText.memory(first));
        for (Session s : SESSIONS) {
            world.store.putSession(s.id());
            attempts.add(attempt(s));
            world.monitor.pollOnce();
        }
        List<DemoReport.Attempt> admitted = attempts.stream().filter(DemoReport.Attempt::admitted).toList();
        expect.check("lobbies 1-5 are admitted and created on Wolf",
                admitted.size() == 5 && world.sim.lobbies().size() == 5,
                admitted.size() + " admitted, Wolf runs " + world.sim.lobbies().size());
        expect.check("the warning is first raised at 4/5",
                attempts.size() >= 4 && attempts.subList(0, 3).stream().noneMatch(DemoReport.Attempt::warning)
                        && attempts.get(3).warning() && attempts.get(3).activeAfter() == 4,
                warningsText());
        DemoReport.Attempt sixth = attempts.get(attempts.size() - 1);
        expect.check("the 6th lobby is refused with: " + REFUSAL,
                !sixth.admitted() && sixth.refusal().equals(REFUSAL), "6th attempt: " + sixth);
    }

    private DemoReport.Attempt attempt(Session s) {
        AdmissionRequest request = AdmissionRequest.forSession(s.id()).onHost(DemoWorld.HOST).withPin(nextPin());
        try (Permit permit = world.governor.acquire(request)) {
            String lobbyId = permit.create(c -> world.client.createLobby(LobbyRequests.desktopFor(s.id()), c));
            timeline.add("admission", String.format("lobby %d/%d created for %s (project %s): %s",
                    permit.activeAfter(), permit.cap(), s.id(), s.project(), shortId(lobbyId)));
            if (permit.warning()) {
                timeline.add("admission", String.format("WARNING: host %s is nearly full (%d/%d lobbies)",
                        DemoWorld.HOST, permit.activeAfter(), permit.cap()));
            }
            return new DemoReport.Attempt(s.id(), s.project(), lobbyId, permit.activeAfter(), permit.cap(),
                    permit.warning(), "");
        } catch (AdmissionDeniedException e) {
            timeline.add("admission", "REFUSED " + s.id() + ": " + e.getMessage());
            return new DemoReport.Attempt(s.id(), s.project(), "", e.active(), e.cap(), false, e.getMessage());
        } catch (WolfException e) {
            timeline.add("admission", "Wolf failed to create a lobby for " + s.id() + ": " + e.getMessage());
            return new DemoReport.Attempt(s.id(), s.project(), "", 0, 0, false, "Wolf failed: " + e.getMessage());
        }
    }

    /** Phase 2: a lobby started on Wolf directly takes the card to 6 and NVML breaks. */
    DetectionFacts leakAndLoseMonitoring() throws InterruptedException {
        int lostBefore = world.recorder.monitoringLostNanos().size();
        world.monitor.start();
        timeline.add("health", "monitor started: Wolf's GPU stats probed every "
                + DemoWorld.PROBE_INTERVAL.toMillis() + " ms");
        String leaked = world.sim.createLeakedLobby("debug session started by hand", Optional.empty());
        long brokeAt = System.nanoTime();
        timeline.add("wolf", "someone starts lobby " + shortId(leaked) + " directly on Wolf, bypassing the governor: "
                + world.sim.lobbies().size() + " lobbies on the card, NVML broken: " + world.sim.nvmlBroken());
        CycleReport sighting = world.reaper.runOnce();
        timeline.add("cleanup", "cycle sees " + world.reaper.orphans().size() + " lobby nobody recorded; acts on it after "
                + DemoWorld.ORPHAN_GRACE.toMillis() + " ms (" + sighting.outcomes().size() + " actions now)");

        long detectedAt = world.recorder.awaitMonitoringLost(lostBefore, WAIT_LIMIT);
        boolean detected = detectedAt != -1;
        int calls = detected ? world.probe.callsStartedBetween(brokeAt, detectedAt) : -1;
        Duration latency = detected ? Duration.ofNanos(detectedAt - brokeAt) : WAIT_LIMIT;
        HostHealth lost = world.recorder.latest();
        if (detected) {
            timeline.add("health", String.format("MONITORING LOST detected %d ms after NVML broke, by the %s probe "
                    + "call after it: %s", latency.toMillis(), calls <= 1 ? "first" : "#" + calls,
                    lost.reasons().isEmpty() ? "" : lost.reasons().get(0).message()));
        }
        expect.check("monitoring lost is detected within one probe interval (by the first probe call after NVML broke)",
                detected && calls >= 0 && calls <= 1,
                detected ? calls + " probe calls, " + latency.toMillis() + " ms" : "not detected in " + WAIT_LIMIT);

        int pollsAtDetection = world.recorder.polls();
        boolean polled = world.recorder.awaitPolls(pollsAtDetection + POLLS_WHILE_LOST, WAIT_LIMIT);
        int events = world.recorder.monitoringLostNanos().size() - lostBefore;
        int pollsAfter = world.recorder.polls() - pollsAtDetection;
        timeline.add("health", "still dark after " + pollsAfter + " more probes; reported lost " + events + " time(s)");
        expect.check("monitoring lost is reported once while NVML stays broken",
                polled && events == 1 && world.sim.nvmlBroken(), events + " reports over " + pollsAfter + " polls");
        return new DetectionFacts(leaked, latency, calls, events, pollsAfter);
    }

    /** What phase 2 measured. */
    record DetectionFacts(String leakedLobbyId, Duration latency, int probeCalls, int lostEvents, int pollsAfter) {
    }

    /** Phase 2b: while the GPU cannot be read, admission still counts what runs, the leak included. */
    void refuseWhileBlind() {
        Session retry = SESSIONS.get(SESSIONS.size() - 1);
        DemoReport.Attempt again = attempt(retry);
        attempts.add(again);
        expect.check("while monitoring is lost the governor still refuses, counting the leaked lobby (6/5)",
                !again.admitted() && again.refusal().contains("(6/5 lobbies active)"), again.toString());
        expect.check("the 7th lobby that crashed the incident's Wolf is never created",
                world.sim.isUp() && world.sim.lobbies().size() == DemoWorld.NVML_BREAKS_AT,
                "Wolf up: " + world.sim.isUp() + ", lobbies: " + world.sim.lobbies().size());
    }

    /** Phase 3: a project is deleted (hard) and cleanup stops its lobbies with the stored PINs. */
    List<CleanupOutcome> deleteProjectAndClean(String leakedLobbyId) throws WolfException {
        List<String> deletedLobbies = new ArrayList<>();
        for (DemoReport.Attempt a : attempts) {
            if (a.project().equals(DELETED_PROJECT) && a.admitted()) {
                world.store.hardDeleteSession(a.sessionId());
                deletedLobbies.add(a.lobbyId());
            }
        }
        timeline.add("store", "project " + DELETED_PROJECT + " deleted: " + deletedLobbies.size()
                + " sessions hard-deleted; their lobby records (with the PINs) remain");
        CycleReport cycle = world.reaper.runOnce();
        for (CleanupOutcome o : cycle.outcomes()) {
            timeline.add("cleanup", o.kind() + " " + shortId(o.lobbyId()) + describe(o));
        }
        List<String> running = world.client.listLobbies().stream().map(Lobby::id).toList();
        List<String> records = world.store.allLobbies().stream().map(LobbyRecord::lobbyId).toList();
        List<String> stoppedVerified = cycle.outcomes().stream()
                .filter(o -> o instanceof CleanupOutcome.Stopped s && s.recordRemoved())
                .map(CleanupOutcome::lobbyId).toList();
        expect.check("every deleted session's lobby is STOPPED with its stored PIN and verified gone",
                stoppedVerified.containsAll(deletedLobbies) && stoppedVerified.size() == deletedLobbies.size()
                        && deletedLobbies.stream().noneMatch(running::contains)
                        && deletedLobbies.stream().noneMatch(records::contains),
                "stopped " + stoppedVerified.size() + "/" + deletedLobbies.size() + ", Wolf still lists "
                        + deletedLobbies.stream().filter(running::contains).count());
        expect.check("the leaked lobby is stopped after its grace period and verified gone",
                cycle.outcomes().stream().anyMatch(o -> o instanceof CleanupOutcome.OrphanStopped
                        && o.lobbyId().equals(leakedLobbyId)) && !running.contains(leakedLobbyId),
                "Wolf lists the leaked lobby: " + running.contains(leakedLobbyId));
        List<String> kept = attempts.stream().filter(a -> a.admitted() && !a.project().equals(DELETED_PROJECT))
                .map(DemoReport.Attempt::lobbyId).toList();
        expect.check("nothing else is stopped: the live sessions' lobbies run on with their records",
                running.size() == kept.size() && running.containsAll(kept) && records.containsAll(kept)
                        && cycle.outcomes().stream().noneMatch(o -> o instanceof CleanupOutcome.Failed),
                "Wolf runs " + running.size() + ", expected " + kept.size());
        return cycle.outcomes();
    }

    private static String describe(CleanupOutcome o) {
        if (o instanceof CleanupOutcome.Stopped s) {
            return " (" + s.reason() + ", session " + s.sessionId() + ", stored PIN): verified gone, record "
                    + (s.recordRemoved() ? "removed" : "kept");
        }
        if (o instanceof CleanupOutcome.OrphanStopped s) {
            return " (nobody recorded it; " + s.age().toMillis() + " ms old): verified gone";
        }
        if (o instanceof CleanupOutcome.Failed f) {
            return " (" + f.reason() + "): " + f.detail();
        }
        return "";
    }

    private String warningsText() {
        StringBuilder sb = new StringBuilder();
        for (DemoReport.Attempt a : attempts) {
            sb.append(a.activeAfter()).append('/').append(a.cap()).append(a.warning() ? " warned; " : " quiet; ");
        }
        return sb.toString();
    }

    /** Six digits: long enough that a PIN cannot turn up in the output by chance. */
    private LobbyPin nextPin() {
        LobbyPin pin = LobbyPin.of(String.format("%06d", pinSource.nextInt(1_000_000)));
        pins.add(pin);
        return pin;
    }

    static String shortId(String lobbyId) {
        return lobbyId.length() > 8 ? lobbyId.substring(0, 8) : lobbyId;
    }
}
