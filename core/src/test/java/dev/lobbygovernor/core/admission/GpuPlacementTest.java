package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.core.gpu.RenderNode;
import dev.lobbygovernor.core.gpu.XidCatalog;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyRecord;
import dev.lobbygovernor.store.ReservationRecord;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.GpuSamples;
import dev.lobbygovernor.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A host with two GPUs of different sizes: every lobby is placed on one of them, each GPU has its
 * own memory cap, the least-loaded GPU takes the next lobby, and a GPU that is faulted or unread
 * takes none while the other still does.
 */
class GpuPlacementTest {

    private static final String HOST = "wolf-1";
    /** Index 0 is the larger card, but on the higher render node: placement never goes by index. */
    private static final GpuDevice BIG = GpuSamples.device().index(0).memory(1000L, 5000L).encoderSessions(0).build();
    private static final GpuDevice SMALL = GpuSamples.device().index(1).memory(1000L, 3000L).encoderSessions(0).build();
    private static final RenderNode SMALL_NODE = new RenderNode("/dev/dri/renderD128", SMALL.uuid());
    private static final RenderNode BIG_NODE = new RenderNode("/dev/dri/renderD129", BIG.uuid());
    /** 1000 MiB per lobby, no headroom: the small card takes 3, the big one 5. */
    private static final HostLimits LIMITS = HostLimits.builder().staticCap(20).headroomMiB(0).perLobbyMiB(1000)
            .build();

    private final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");
    private final FakeLobbyRuntime runtime = new FakeLobbyRuntime();
    private final InMemorySessionStore store = new InMemorySessionStore();
    private final AtomicInteger lobbies = new AtomicInteger();

    private LobbyGovernor governor(Host host) {
        return LobbyGovernor.builder().store(store).clock(clock).host(host).build();
    }

    private LobbyGovernor twoGpus() {
        return governor(Host.of(HOST, runtime, LIMITS).withGpus(List.of(SMALL_NODE, BIG_NODE)));
    }

    private HostHealth health(List<HealthReason> reasons, GpuDevice... devices) {
        GpuSample sample = GpuSamples.of("nvml", clock.instant(), devices);
        HealthStatus status = reasons.isEmpty() ? HealthStatus.HEALTHY : HealthStatus.EXHAUSTED;
        return new HostHealth(HOST, status, true, sample, "nvml", reasons, clock.instant());
    }

    private static HealthReason.GpuFaulted fault(GpuDevice device, int xid) {
        GpuFault f = XidCatalog.fault(xid, java.time.Instant.parse("2026-03-01T09:59:00Z"));
        return new HealthReason.GpuFaulted(device.index(), device.uuid(), f);
    }

    /** Admits and creates one lobby; returns the render node it was created on. */
    private String place(LobbyGovernor g) {
        Permit p = g.acquire(AdmissionRequest.forSession("s" + lobbies.incrementAndGet()));
        String node = p.renderNode().orElseThrow();
        p.create(c -> {
            assertThat(c.renderNode()).as("the credentials carry the permit's render node").isEqualTo(node);
            return runtime.create("l" + lobbies.get(), c);
        });
        return node;
    }

    @Test
    void eachLobbyGoesToTheGpuWithTheSmallestShareOfItsCapInUse() {
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(), BIG, SMALL));

        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(place(g));
        }

        String s = SMALL_NODE.path();
        String b = BIG_NODE.path();
        // shares before each: 0/3=0/5 (first listed), 1/3>0/5, 1/3>1/5, 1/3<2/5, 2/3>2/5, 2/3>3/5, 2/3<4/5, 3/3 full
        assertThat(nodes).containsExactly(s, b, b, s, b, b, s, b);
        assertThat(g.capacity(HOST).cap()).as("the host's cap is the sum of its GPUs' caps").isEqualTo(8);
        AdmissionDeniedException full = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("ninth")));
        assertThat(full.reason()).isEqualTo(DenialReason.GPU_MEMORY);
    }

    @Test
    void theReservationAndTheRecordRememberTheGpu() {
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(), BIG, SMALL));

        Permit p = g.acquire(AdmissionRequest.forSession("s1"));
        ReservationRecord reserved = store.allReservations().get(0);
        assertThat(reserved.gpu()).isEqualTo(SMALL.uuid());
        String lobby = p.create(c -> runtime.create("l1", c));

        LobbyRecord record = store.findLobby(lobby).orElseThrow();
        assertThat(record.gpu()).isEqualTo(SMALL.uuid());
    }

    @Test
    void aFaultedGpuTakesNoLobbyWhileTheOtherStillDoes() {
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(fault(SMALL, 79)), BIG, SMALL));

        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(place(g));
        }

        assertThat(nodes).containsOnly(BIG_NODE.path());
        AdmissionDeniedException full = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("sixth")));
        assertThat(full.reason()).as("the big card is full; the small one is out of service")
                .isEqualTo(DenialReason.GPU_MEMORY);
    }

    @Test
    void withoutGpusToldApartTheSameFaultHoldsTheWholeHost() {
        LobbyGovernor g = governor(Host.of(HOST, runtime, LIMITS));
        g.reportHealth(health(List.of(fault(SMALL, 79)), BIG, SMALL));

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s1")));

        assertThat(denied.reason()).isEqualTo(DenialReason.GPU_FAULT);
    }

    @Test
    void everyGpuFaultedRefusesTheHostAsAFault() {
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(fault(SMALL, 79), fault(BIG, 119)), BIG, SMALL));

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s1")));

        assertThat(denied.reason()).isEqualTo(DenialReason.GPU_FAULT);
    }

    @Test
    void anApplicationXidDoesNotTakeTheGpuOutOfPlacement() {
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(fault(SMALL, 13)), BIG, SMALL));

        assertThat(place(g)).isEqualTo(SMALL_NODE.path());
    }

    @Test
    void aGpuTheReadingNoLongerIncludesTakesNoLobby() {
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(), BIG)); // the small card fell off the bus: NVML lists only the big one

        for (int i = 0; i < 5; i++) {
            assertThat(place(g)).isEqualTo(BIG_NODE.path());
        }
        assertThat(g.capacity(HOST).cap()).as("only the card that reads counts").isEqualTo(5);
    }

    @Test
    void aLobbyNothingPlacesCountsAgainstEveryGpu() {
        runtime.start("leaked-1", null);
        runtime.start("leaked-2", null);
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(), BIG, SMALL));

        // the two unplaced lobbies fill two of the small card's three places and two of the big one's five:
        // shares 2/3 and 2/5, then 2/3 and 3/5, then 2/3 and 4/5, then the small card is full
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(place(g));
        }

        assertThat(nodes).containsExactly(BIG_NODE.path(), BIG_NODE.path(), SMALL_NODE.path(), BIG_NODE.path());
        assertThat(catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("fifth"))).reason()).isEqualTo(DenialReason.GPU_MEMORY);
    }

    @Test
    void withAPerGpuEncoderCapEachGpuCountsItsOwnStreamsAndSessions() {
        HostLimits limits = LIMITS.toBuilder().encoderSessionCap(2).encoderCapScope(EncoderCapScope.PER_GPU).build();
        LobbyGovernor g = governor(Host.of(HOST, runtime, limits).withGpus(List.of(SMALL_NODE, BIG_NODE)));
        GpuDevice busySmall = GpuSamples.device().index(1).memory(1000L, 3000L).encoderSessions(2).build();
        g.reportHealth(health(List.of(), BIG, busySmall)); // another program holds both of the small card's sessions

        assertThat(place(g)).as("the small card is first by share, but its encoder is full").isEqualTo(BIG_NODE.path());
        assertThat(place(g)).as("one stream in reserve plus one: the big card's two").isEqualTo(BIG_NODE.path());
        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("third")));
        assertThat(denied.reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);
        assertThat(denied.cap()).isEqualTo(2);
    }

    @Test
    void withAPerHostEncoderCapTheHostCountsEveryGpusStreamsTogether() {
        HostLimits limits = LIMITS.toBuilder().encoderSessionCap(3).build();
        LobbyGovernor g = governor(Host.of(HOST, runtime, limits).withGpus(List.of(SMALL_NODE, BIG_NODE)));
        g.reportHealth(health(List.of(), BIG, SMALL));

        place(g);
        place(g);
        place(g);

        assertThat(catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("fourth"))).reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);
    }

    @Test
    void statusShowsEachGpuWithWhatIsPlacedOnItAndWhyItTakesNone() {
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(), BIG, SMALL));
        place(g); // small
        place(g); // big
        g.acquire(AdmissionRequest.forSession("reserved-only")); // big: an open reservation counts there too
        g.reportHealth(health(List.of(fault(SMALL, 119)), BIG, SMALL));

        List<GpuStatus> gpus = g.status().hosts().get(0).gpus();

        assertThat(gpus).containsExactly(
                new GpuStatus(SMALL_NODE.path(), SMALL.uuid(), 1, 3, DenialReason.GPU_FAULT),
                new GpuStatus(BIG_NODE.path(), BIG.uuid(), 2, 5, null));
        assertThat(gpus.get(1).admits()).isTrue();
        assertThat(governor(Host.of("plain", runtime, LIMITS)).status().hosts().get(0).gpus()).isEmpty();
    }

    @Test
    void theLastResortStopsAnIdleLobbyOnAGpuThatAdmitsNeverOneOnAFaultedGpu() {
        LobbyGovernor g = LobbyGovernor.builder().store(store).clock(clock)
                .host(Host.of(HOST, runtime, LIMITS).withGpus(List.of(SMALL_NODE, BIG_NODE)))
                .config(GovernorConfig.builder().lastResort(LastResort.stopIdleLongerThan(
                        java.time.Duration.ofMinutes(10))).build()).build();
        g.reportHealth(health(List.of(), BIG, SMALL));
        place(g); // l1, on the small card: the longest idle of all
        clock.advance(java.time.Duration.ofMinutes(1));
        g.reportHealth(health(List.of(fault(SMALL, 79)), BIG, SMALL));
        for (int i = 0; i < 5; i++) {
            assertThat(place(g)).isEqualTo(BIG_NODE.path()); // l2..l6
        }
        clock.advance(java.time.Duration.ofMinutes(30));

        Permit p = g.acquire(AdmissionRequest.forSession("latecomer"));

        assertThat(p.renderNode()).contains(BIG_NODE.path());
        assertThat(runtime.isRunning("l1")).as("stopping it would free no GPU that admits").isTrue();
        assertThat(runtime.isRunning("l2")).as("the longest idle on the big card").isFalse();
    }

    @Test
    void aLobbyCreatedButNotYetCommittedCountsOnItsOwnGpuOnly() {
        HostLimits onePerCard = HostLimits.builder().staticCap(20).headroomMiB(0).perLobbyMiB(3000).build();
        LobbyGovernor g = governor(Host.of(HOST, runtime, onePerCard).withGpus(List.of(SMALL_NODE, BIG_NODE)));
        g.reportHealth(health(List.of(), BIG, SMALL)); // the small card takes 1, the big one 1

        Permit creating = g.acquire(AdmissionRequest.forSession("s1"));
        runtime.create("l1", creating.beginCreate()); // listed under its name, commit still to come
        clock.advance(java.time.Duration.ofSeconds(2)); // the next admission lists again and sees it

        Permit next = g.acquire(AdmissionRequest.forSession("s2"));

        assertThat(creating.renderNode()).contains(SMALL_NODE.path());
        assertThat(next.renderNode()).as("the small card's lobby is not counted on the big one").contains(
                BIG_NODE.path());
    }

    @Test
    void onEqualSharesTheGpuWithFewerLobbiesGoesFirst() {
        GpuDevice two = GpuSamples.device().index(1).memory(0L, 2000L).encoderSessions(0).build();
        GpuDevice four = GpuSamples.device().index(0).memory(0L, 4000L).encoderSessions(0).build();
        LobbyGovernor g = governor(Host.of(HOST, runtime, LIMITS).withGpus(List.of(
                new RenderNode("/dev/dri/renderD128", two.uuid()), new RenderNode("/dev/dri/renderD129", four.uuid()))));
        g.reportHealth(health(List.of(), four, two));

        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(place(g));
        }

        // 0/2 = 0/4 (first listed), 1/2 > 0/4, 1/2 > 1/4, then 1/2 = 2/4: the card with one lobby
        assertThat(nodes).containsExactly("/dev/dri/renderD128", "/dev/dri/renderD129", "/dev/dri/renderD129",
                "/dev/dri/renderD128");
    }

    @Test
    void withEveryGpuOverItsCapTheRefusalNamesTheOneClosestToRoom() {
        for (int i = 0; i < 6; i++) {
            runtime.start("leaked-" + i, null); // six lobbies nothing places: 6 of 3 on the small card, 6 of 5 on the big
        }
        LobbyGovernor g = governor(Host.of(HOST, runtime, LIMITS.toBuilder().staticCap(20).build())
                .withGpus(List.of(SMALL_NODE, BIG_NODE)));
        g.reportHealth(health(List.of(), BIG, SMALL));

        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("s1")));

        assertThat(denied.reason()).isEqualTo(DenialReason.GPU_MEMORY);
        assertThat(denied.active()).isEqualTo(6);
        assertThat(denied.cap()).isEqualTo(5);
    }

    @Test
    void withNoGpuThatAdmitsAFaultOutranksAMissingReading() {
        GpuDevice other = GpuSamples.device().index(2).memory(1000L, 8000L).encoderSessions(0).build();
        LobbyGovernor faultAndMissing = twoGpus();
        faultAndMissing.reportHealth(health(List.of(fault(SMALL, 79)), SMALL, other)); // the big card is not read
        assertThat(catchThrowableOfType(AdmissionDeniedException.class,
                () -> faultAndMissing.acquire(AdmissionRequest.forSession("s1"))).reason())
                .isEqualTo(DenialReason.GPU_FAULT);

        LobbyGovernor bothMissing = twoGpus();
        bothMissing.reportHealth(health(List.of(), other)); // a reading, but of neither card
        AdmissionDeniedException blind = catchThrowableOfType(AdmissionDeniedException.class,
                () -> bothMissing.acquire(AdmissionRequest.forSession("s2")));
        assertThat(blind.reason()).isEqualTo(DenialReason.MONITORING_LOST);
    }

    @Test
    void aPerGpuEncoderCapCountsEachClientOfTheLobbiesOnThatGpu() {
        HostLimits limits = LIMITS.toBuilder().encoderSessionCap(3).encoderCapScope(EncoderCapScope.PER_GPU).build();
        LobbyGovernor g = governor(Host.of(HOST, runtime, limits).withGpus(List.of(SMALL_NODE, BIG_NODE)));
        g.reportHealth(health(List.of(), BIG, SMALL));
        place(g); // l1 on the small card
        place(g); // l2 on the big card
        runtime.setClients("l1", 3); // the small card's encoder is full: three streams
        clock.advance(java.time.Duration.ofSeconds(2));

        assertThat(place(g)).as("the small card's share is lower, but its encoder is full")
                .isEqualTo(BIG_NODE.path());
        assertThat(place(g)).as("2 lobbies with no client on the big card: 2 streams in reserve + 1")
                .isEqualTo(BIG_NODE.path());
        AdmissionDeniedException denied = catchThrowableOfType(AdmissionDeniedException.class,
                () -> g.acquire(AdmissionRequest.forSession("fifth")));
        assertThat(denied.reason()).isEqualTo(DenialReason.ENCODER_SESSIONS);
    }

    @Test
    void beforeAnyReadingGpusArePlacedByCountUpToTheStaticCap() {
        LobbyGovernor g = governor(Host.of(HOST, runtime, HostLimits.builder().staticCap(4).build())
                .withGpus(List.of(SMALL_NODE, BIG_NODE)));

        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            nodes.add(place(g));
        }

        assertThat(nodes).containsExactly(SMALL_NODE.path(), BIG_NODE.path(), SMALL_NODE.path(), BIG_NODE.path());
    }

    @Test
    void aHostWhoseGpusAreNotToldApartGrantsPermitsWithoutARenderNode() {
        LobbyGovernor g = governor(Host.of(HOST, runtime, LIMITS));
        g.reportHealth(health(List.of(), BIG, SMALL));

        Permit p = g.acquire(AdmissionRequest.forSession("s1"));

        assertThat(p.renderNode()).isEmpty();
        assertThat(p.beginCreate().optionalRenderNode()).isEmpty();
        assertThat(store.allReservations().get(0).gpu()).isEmpty();
    }

    @Test
    void aHostNamingARenderNodeOrGpuTwiceIsRefusedWhenBuilt() {
        Host host = Host.of(HOST, runtime, LIMITS);
        assertThatThrownBy(() -> host.withGpus(List.of(SMALL_NODE, new RenderNode(SMALL_NODE.path(), BIG.uuid()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("render node");
        assertThatThrownBy(() -> host.withGpus(List.of(SMALL_NODE, new RenderNode("/dev/dri/renderD130",
                SMALL.uuid())))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GPU");
    }

    @Test
    void concurrentAdmissionsNeverFillAGpuPastItsCap() throws Exception {
        long seed = System.nanoTime();
        LobbyGovernor g = twoGpus();
        g.reportHealth(health(List.of(), BIG, SMALL));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int id = t;
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        Permit p = g.acquire(AdmissionRequest.forSession("c" + id));
                        perNode.computeIfAbsent(p.renderNode().orElseThrow(), n -> new AtomicInteger()).incrementAndGet();
                        if ((seed + id) % 2 == 0) {
                            p.create(c -> runtime.create("c" + id, c)); // some commit, some stay reserved
                        }
                    } catch (AdmissionDeniedException refused) {
                        // expected once both cards are full
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Map<String, Integer> granted = perNode.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        assertThat(granted).as("seed %d", seed)
                .containsExactlyInAnyOrderEntriesOf(Map.of(SMALL_NODE.path(), 3, BIG_NODE.path(), 5));
    }
}
