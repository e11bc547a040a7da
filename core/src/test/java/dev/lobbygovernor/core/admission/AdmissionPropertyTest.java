package dev.lobbygovernor.core.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.lobbygovernor.core.health.HealthStatus;
import dev.lobbygovernor.core.health.HostHealth;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.testing.FakeLobbyRuntime;
import dev.lobbygovernor.testing.HealthReports;
import dev.lobbygovernor.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Acceptance 1: random interleavings of acquire, commit, close, expiry, health changes and
 * lobbies appearing and vanishing server-side, over three hosts. An independent model says what
 * was admitted; the governor must never grant beyond a host's cap, and once every permit is
 * finished its count must be exactly what runs (no reservation left, nothing counted twice).
 */
class AdmissionPropertyTest {

    private static final int HOSTS = 3;

    /** One step: what to do, on which host, with which small parameter. */
    record Op(int kind, int host, int arg) {
        @Override
        public String toString() {
            String[] names = {"acquireOn", "acquireAny", "commit", "close", "tick", "jump", "leak", "vanish",
                "health", "outage"};
            return names[kind] + "(h" + host + "," + arg + ")";
        }
    }

    private static Gen<Op> ops() {
        return integers().between(0, 9).zip(integers().between(0, HOSTS - 1), integers().between(0, 9), Op::new);
    }

    @Test
    void grantsNeverExceedAHostsCapAndFinishedPermitsLeaveNoReservation() {
        qt().withExamples(1000)
                .forAll(lists().of(integers().between(1, 6)).ofSize(HOSTS), lists().of(ops()).ofSizeBetween(1, 80))
                .checkAssert((caps, steps) -> new World(caps).run(steps));
    }

    /** The system under test and an independent account of what it admitted. */
    private static final class World {
        final MutableClock clock = MutableClock.at("2025-01-01T12:00:00Z");
        final FakeLobbyRuntime[] runtimes = new FakeLobbyRuntime[HOSTS];
        final int[] staticCaps = new int[HOSTS];
        final int[] memoryCaps = {-1, -1, -1}; // -1: monitoring not working, no memory cap
        final List<Set<String>> running = new ArrayList<>();
        final List<Held> held = new ArrayList<>();
        final Map<String, Integer> committed = new HashMap<>();
        final LobbyGovernor governor;
        int nextLobby;

        record Held(Permit permit, int host, long deadline) {
        }

        World(List<Integer> caps) {
            LobbyGovernor.Builder b = LobbyGovernor.builder().store(new InMemorySessionStore()).clock(clock);
            for (int h = 0; h < HOSTS; h++) {
                runtimes[h] = new FakeLobbyRuntime();
                staticCaps[h] = caps.get(h);
                running.add(new HashSet<>());
                b.host(Host.of("h" + h, runtimes[h], HostLimits.builder().staticCap(caps.get(h)).build()));
            }
            governor = b.build();
        }

        int modelCap(int h) {
            return memoryCaps[h] < 0 ? staticCaps[h] : Math.min(staticCaps[h], memoryCaps[h]);
        }

        long admitted(int h) {
            long open = held.stream().filter(x -> x.host == h && clock.millis() < x.deadline).count();
            long live = committed.entrySet().stream()
                    .filter(e -> e.getValue() == h && running.get(h).contains(e.getKey())).count();
            return open + live;
        }

        void run(List<Op> steps) {
            for (Op op : steps) {
                apply(op);
            }
            finishEverything();
        }

        void apply(Op op) {
            int h = op.host();
            switch (op.kind()) {
                case 0 -> acquire(AdmissionRequest.forSession("s").onHost("h" + h));
                case 1 -> acquire(AdmissionRequest.forSession("s"));
                case 2 -> commit(op.arg());
                case 3 -> close(op.arg());
                case 4 -> clock.advance(Duration.ofMillis(400L * op.arg()));
                case 5 -> clock.advance(Duration.ofSeconds(15L * op.arg()));
                case 6 -> start(h, "leak-" + nextLobby++);
                case 7 -> vanish(h, op.arg());
                case 8 -> health(h, op.arg());
                default -> runtimes[h].setUnreachable(op.arg() < 3);
            }
        }

        void acquire(AdmissionRequest request) {
            Permit p;
            try {
                p = governor.acquire(request);
            } catch (AdmissionDeniedException denied) {
                return;
            }
            int h = Integer.parseInt(p.hostId().substring(1));
            held.add(new Held(p, h, clock.millis() + GovernorConfig.DEFAULT_PERMIT_TTL.toMillis()));
            assertThat(p.cap()).as("effective cap of %s", p.hostId()).isEqualTo(modelCap(h));
            assertThat(admitted(h)).as("admitted on %s", p.hostId()).isLessThanOrEqualTo(modelCap(h));
        }

        void commit(int index) {
            if (held.isEmpty()) {
                return;
            }
            Held x = held.remove(index % held.size());
            String lobbyId = "lobby-" + nextLobby++;
            start(x.host, lobbyId); // the caller creates the lobby, then commits
            try {
                x.permit.beginCreate();
                x.permit.commit(lobbyId);
                assertThat(clock.millis()).as("commit succeeded, so not expired").isLessThan(x.deadline);
                committed.put(lobbyId, x.host);
            } catch (PermitExpiredException expired) {
                assertThat(clock.millis()).as("expired only after the deadline").isGreaterThanOrEqualTo(x.deadline);
            }
        }

        void close(int index) {
            if (!held.isEmpty()) {
                held.remove(index % held.size()).permit.close();
            }
        }

        void start(int h, String lobbyId) {
            runtimes[h].start(lobbyId, null);
            running.get(h).add(lobbyId);
        }

        void vanish(int h, int index) {
            List<String> ids = new ArrayList<>(running.get(h));
            if (!ids.isEmpty()) {
                String id = ids.stream().sorted().toList().get(index % ids.size());
                runtimes[h].vanish(id);
                running.get(h).remove(id);
            }
        }

        void health(int h, int arg) {
            if (arg == 0) {
                memoryCaps[h] = -1;
                governor.reportHealth(new HostHealth("h" + h, HealthStatus.MONITORING_LOST, false, null, "nvml",
                        List.of(), clock.instant()));
            } else {
                long total = HostLimits.DEFAULT_HEADROOM_MIB + HostLimits.DEFAULT_PER_LOBBY_MIB * (arg - 1) + 100;
                memoryCaps[h] = arg - 1;
                governor.reportHealth(HealthReports.healthy("h" + h, total, clock.instant()));
            }
        }

        void finishEverything() {
            for (int i = 0; i < held.size(); i++) {
                if (i % 2 == 0) {
                    held.get(i).permit.close();
                } // the others are abandoned and must expire
            }
            for (FakeLobbyRuntime r : runtimes) {
                r.setUnreachable(false);
            }
            clock.advance(GovernorConfig.DEFAULT_PERMIT_TTL.plusSeconds(1));
            GovernorStatus status = governor.status();
            for (int h = 0; h < HOSTS; h++) {
                HostStatus s = status.hosts().get(h);
                assertThat(s.reserved()).as("reserved on h%d", h).isZero();
                assertThat(s.active()).as("active on h%d equals what runs", h).isEqualTo(running.get(h).size());
            }
        }
    }
}
