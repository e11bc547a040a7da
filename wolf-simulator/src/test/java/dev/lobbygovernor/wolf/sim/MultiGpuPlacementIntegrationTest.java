package dev.lobbygovernor.wolf.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.DenialReason;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.health.HealthMonitor;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.testing.MutableClock;
import dev.lobbygovernor.wolf.WolfClient;
import dev.lobbygovernor.wolf.WolfLobbyRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Wolf host with two GPUs, end to end: the governor places each lobby on a GPU by the NVML
 * readings of the simulated cards, the create request carries that GPU's render node, and the
 * simulated Wolf runs the lobby there; a GPU with a fault or one that falls off the bus takes no
 * new lobby while the other still does.
 */
@ExtendWith(PinLeakGuard.class)
class MultiGpuPlacementIntegrationTest {

    private static final SimGpu FIRST = new SimGpu("/dev/dri/renderD128", "GPU-aaaaaaaa-0000-4000-8000-000000000001",
            GpuModel.rtx2000Ada());
    private static final SimGpu SECOND = new SimGpu("/dev/dri/renderD129", "GPU-bbbbbbbb-0000-4000-8000-000000000002",
            GpuModel.rtx2000Ada());
    /** 16,380 MiB cards, 1,000 MiB headroom, 3,000 MiB per lobby: five lobbies a card. */
    private static final HostLimits LIMITS = HostLimits.builder().staticCap(20).headroomMiB(1000).perLobbyMiB(3000)
            .build();

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private WolfSimulator sim;
    private WolfClient wolf;
    private LobbyGovernor governor;
    private HealthMonitor monitor;
    private int sessions;

    @BeforeEach
    void start() throws Exception {
        sim = WolfSimulator.builder().gpus(List.of(FIRST, SECOND)).start(dir);
        wolf = Clients.of(sim);
        List<RenderNode> gpus = sim.gpus().stream().map(g -> new RenderNode(g.renderNode(), g.uuid())).toList();
        governor = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock)
                .host(Host.of("wolf-1", new WolfLobbyRuntime(wolf), LIMITS).withGpus(gpus)).build();
        monitor = HealthMonitor.builder().clock(clock).host("wolf-1", sim.gpuProbe())
                .capacity(governor::capacity).sink(governor::reportHealth).build();
        poll();
    }

    @AfterEach
    void closeAll() {
        for (AutoCloseable c : new AutoCloseable[] {monitor, wolf, sim}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing what a test left is best effort
                }
            }
        }
    }

    private void poll() {
        clock.advance(Duration.ofSeconds(5));
        monitor.pollOnce();
    }

    /** Admits and creates a lobby through Wolf's API; returns its permit's render node. */
    private String createLobby() throws Exception {
        sessions++;
        try (Permit p = governor.acquire(AdmissionRequest.forSession("s" + sessions))) {
            p.create(c -> wolf.createLobby(Clients.lobby("desk-" + sessions), c));
            return p.renderNode().orElseThrow();
        }
    }

    private Map<String, Long> lobbiesPerRenderNode() {
        return sim.lobbies().stream().collect(Collectors.groupingBy(SimLobby::renderNode, Collectors.counting()));
    }

    @Test
    void lobbiesAreSpreadOverBothGpusAndRunOnTheRenderNodeTheirPermitNamed() throws Exception {
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            placed.add(createLobby());
            poll();
        }

        assertThat(placed).containsExactly(FIRST.renderNode(), SECOND.renderNode(), FIRST.renderNode(),
                SECOND.renderNode());
        assertThat(lobbiesPerRenderNode()).containsExactlyInAnyOrderEntriesOf(
                Map.of(FIRST.renderNode(), 2L, SECOND.renderNode(), 2L));
        assertThat(sim.lobbies()).allSatisfy(l -> assertThat(l.renderNode()).isIn(FIRST.renderNode(),
                SECOND.renderNode()));
    }

    @Test
    void aGpuWithAResetFaultTakesNoNewLobbyWhileTheOtherFillsUp() throws Exception {
        createLobby();
        sim.gpuFault(FIRST.uuid(), 79); // fallen off the bus: a reboot, by the catalog
        poll();

        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(createLobby());
            poll();
        }

        assertThat(placed).containsOnly(SECOND.renderNode());
        AdmissionDeniedException full = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("one-more")));
        assertThat(full.reason()).isEqualTo(DenialReason.GPU_MEMORY);
        assertThat(lobbiesPerRenderNode()).containsExactlyInAnyOrderEntriesOf(
                Map.of(FIRST.renderNode(), 1L, SECOND.renderNode(), 5L));
    }

    @Test
    void aGpuThatDropsOutOfTheReadingsTakesNoNewLobbyUntilItReadsAgain() throws Exception {
        sim.gpuFallsOffTheBus(SECOND.uuid());
        poll();

        assertThat(List.of(createLobby(), createLobby())).containsOnly(FIRST.renderNode());

        sim.gpuRecovers(SECOND.uuid());
        poll();
        assertThat(createLobby()).isEqualTo(SECOND.renderNode());
    }

    @Test
    void bothGpusFaultedRefusesTheHostAsAGpuFault() throws Exception {
        sim.gpuFault(FIRST.uuid(), 79);
        sim.gpuFault(SECOND.uuid(), 119);
        poll();

        AdmissionDeniedException refused = catchThrowableOfType(AdmissionDeniedException.class,
                () -> governor.acquire(AdmissionRequest.forSession("s1")));

        assertThat(refused.reason()).isEqualTo(DenialReason.GPU_FAULT);
        assertThat(sim.lobbies()).isEmpty();
    }
}
