package dev.lobbygovernor.examples;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.gpu.GpuProbe;
import dev.lobbygovernor.core.gpu.Probes;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.nvml.NvmlGpuProbe;
import dev.lobbygovernor.smi.NvidiaSmiGpuProbe;
import dev.lobbygovernor.store.SessionStore;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfException;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import dev.lobbygovernor.wolf.model.CreateLobbyRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * How a host application wires Lobby Governor, as quoted in the README: its own
 * {@link SessionStore}, NVML with nvidia-smi as fallback, a {@link WolfClient}; then, per lobby,
 * a permit, the lobby, the commit. The build compiles it and a test runs it against the Wolf
 * simulator, so the README's code cannot rot.
 */
public final class WiringExample implements AutoCloseable {


    // README:start
    private final WolfClient wolf;
    private final GpuProbe gpu;
    private final LobbyGovernor governor;
    private final HealthMonitor monitor;
    private final LobbyReaper reaper;

    /**
     * Wires everything once, at startup.
     *
     * @param store your SessionStore over your database
     * @param wolfSocket Wolf's UNIX socket
     */
    public WiringExample(SessionStore store, Path wolfSocket) {
        Clock clock = Clock.systemUTC();
        wolf = WolfClient.builder().unixSocket(wolfSocket).build();
        WolfLobbyRuntime runtime = new WolfLobbyRuntime(wolf);
        governor = LobbyGovernor.builder().store(store).clock(clock).host(Host.of("wolf-1", runtime)).build();
        gpu = Probes.standard(
                Probes.fallback(List.of(NvmlGpuProbe.create(), NvidiaSmiGpuProbe.withDefaults())), clock);
        monitor = HealthMonitor.builder().clock(clock).host("wolf-1", gpu)
                .capacity(governor::capacity).sink(governor::reportHealth).build();
        reaper = LobbyReaper.builder(store, Map.of("wolf-1", runtime)).clock(clock).build();
        monitor.start();
        reaper.start();
    }

    /**
     * Starts a lobby for a session.
     *
     * @param sessionId the session that asks for a lobby
     * @param lobby the lobby to create; the governor names it uniquely and gives it a PIN
     * @return Wolf's id of the new lobby
     * @throws AdmissionDeniedException if no host may take it; its message is for the user
     * @throws WolfException if Wolf failed to create it (its slot stays counted until cleanup
     *     finds the lobby, if Wolf made it anyway, and stops it with the stored PIN)
     */
    public String startLobby(String sessionId, CreateLobbyRequest lobby) throws WolfException {
        // acquire stores the reservation with the lobby's name and PIN before anything exists
        try (Permit permit = governor.acquire(AdmissionRequest.forSession(sessionId))) {
            return permit.create(c -> wolf.createLobby(lobby, c));
        } // closing before any create frees the slot; after a failed create it stays counted
    }
    // README:end

    /** Stops the monitor and the reaper, closes the probes and the client. */
    @Override
    public void close() {
        reaper.close();
        monitor.close();
        gpu.close();
        wolf.close();
    }
}
