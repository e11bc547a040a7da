package dev.lobbygovernor.benchmarks;

import dev.lobbygovernor.core.admission.AdmissionDeniedException;
import dev.lobbygovernor.core.admission.AdmissionRequest;
import dev.lobbygovernor.core.admission.Host;
import dev.lobbygovernor.core.admission.HostLimits;
import dev.lobbygovernor.core.admission.LobbyGovernor;
import dev.lobbygovernor.core.admission.Permit;
import dev.lobbygovernor.core.cleanup.CycleReport;
import dev.lobbygovernor.core.cleanup.LobbyReaper;
import dev.lobbygovernor.core.cleanup.ReaperConfig;
import dev.lobbygovernor.core.runtime.LiveLobby;
import dev.lobbygovernor.core.runtime.LobbyRuntime;
import dev.lobbygovernor.core.runtime.internal.VerifiedStop;
import dev.lobbygovernor.store.InMemorySessionStore;
import dev.lobbygovernor.store.LobbyPin;
import dev.lobbygovernor.store.LobbyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A fleet of 10, 100 and 1,000 hosts side by side in one run, each host capped at 5 lobbies,
 * over the in-memory store and runtimes that answer from memory after a set delay:
 * {@code status()} with fresh listings; a refusal on a full fleet (time and message length);
 * an admission with no host named beside one that names a host, every listing stale before each
 * (so each lists the host it grants on), with listings that take 0.1 ms and 5 ms, and with one
 * host hung (the health monitor's poll of it never returns); one reaper cycle over 100,000
 * records with every lobby in use, on the defaults (activity written once a minute) and with
 * every record's activity written each cycle. Last, verifying stops on one host at 2,000 and 20,000 lobbies.
 * Each figure is a median.
 *
 * <p>Run by hand: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.lobbygovernor.benchmarks.FleetHarness}.
 */
public final class FleetHarness {

    private static final int CAP = 5;
    private static final int[] SIZES = {10, 100, 1_000};
    private static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
    private static List<String> only = List.of();

    private FleetHarness() {
    }

    /**
     * Runs every row and prints a table.
     *
     * @param args words a row's name must contain to be run (all rows when none); the
     *     verification line runs only with no words
     * @throws Exception if a row cannot be set up
     */
    public static void main(String[] args) throws Exception {
        only = List.of(args);
        System.out.printf("%-44s %12s %12s %12s%n", "median", "10 hosts", "100 hosts", "1000 hosts");
        row("status() ms, fresh listings, 4/5 per host", n -> status(n));
        row("refusal on a full fleet ms", n -> refusal(n)[0]);
        row("refusal message, characters", n -> refusal(n)[1]);
        for (long listNanos : new long[] {100_000, 5_000_000}) {
            String ms = listNanos == 100_000 ? "0.1" : "5";
            row("admission, host named, listing " + ms + " ms", n -> admission(n, listNanos, true, false));
            row("admission, no host named, listing " + ms + " ms", n -> admission(n, listNanos, false, false));
        }
        row("admission, no host named, one host hung", n -> admission(n, 100_000, false, true));
        row("reaper cycle ms, 100k records, all in use", n -> reaperCycle(n, 100_000, ReaperConfig.defaults()));
        row("reaper cycle ms, the same, every write due", n -> reaperCycle(n, 100_000,
                ReaperConfig.builder().activityResolution(Duration.ZERO).build()));
        if (!only.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.printf("verifying stops on one host: 2,000 lobbies %.2f ms, 20,000 lobbies %.2f ms%n",
                verification(2_000), verification(20_000));
    }

    private interface Measure {
        double at(int hosts) throws Exception;
    }

    private static void row(String name, Measure m) throws Exception {
        if (!only.stream().allMatch(name::contains)) {
            return;
        }
        StringBuilder sb = new StringBuilder(String.format("%-44s", name));
        for (int n : SIZES) {
            sb.append(String.format(" %12.3f", m.at(n)));
        }
        System.out.println(sb);
    }

    /** A runtime that answers from memory after {@code delayNanos}. */
    private static final class DelayedRuntime implements LobbyRuntime {
        private final List<LiveLobby> lobbies = new ArrayList<>();
        private final long delayNanos;

        DelayedRuntime(long delayNanos) {
            this.delayNanos = delayNanos;
        }

        @Override
        public List<LiveLobby> listLobbies() {
            take(delayNanos);
            synchronized (this) {
                return List.copyOf(lobbies);
            }
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
        }
    }

    /** Answers its first listing, then hangs until the run ends. */
    private static final class HungRuntime implements LobbyRuntime {
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean answered;

        @Override
        public List<LiveLobby> listLobbies() {
            if (answered) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            answered = true;
            return List.of();
        }

        @Override
        public void stopLobby(String lobbyId, Optional<LobbyPin> pin) {
        }
    }

    /** Spins below a millisecond (parking is too coarse there), parks above. */
    private static void take(long nanos) {
        long until = System.nanoTime() + nanos;
        if (nanos >= 1_000_000) {
            LockSupport.parkNanos(nanos);
        }
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }

    /** A stepping clock: the harness moves it past the listing TTL when it wants listings stale. */
    private static final class SteppingClock extends Clock {
        private volatile Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    private record Fleet(LobbyGovernor governor, InMemorySessionStore store, List<DelayedRuntime> runtimes,
            SteppingClock clock) {
    }

    /** {@code hosts} hosts with {@code perHost} lobbies each, listed and recorded. */
    private static Fleet fleet(int hosts, int perHost, long listNanos, LobbyRuntime first) {
        SteppingClock clock = new SteppingClock();
        InMemorySessionStore store = new InMemorySessionStore();
        LobbyGovernor.Builder b = LobbyGovernor.builder().store(store).clock(clock);
        List<DelayedRuntime> runtimes = new ArrayList<>();
        for (int h = 0; h < hosts; h++) {
            String host = "h-" + h;
            LobbyRuntime runtime;
            if (h == 0 && first != null) {
                runtime = first;
            } else {
                DelayedRuntime r = new DelayedRuntime(listNanos);
                for (int i = 0; i < perHost; i++) {
                    String lobby = host + "-l" + i;
                    r.lobbies.add(new LiveLobby(lobby, lobby, true, 1));
                    store.saveLobby(new LobbyRecord(lobby, host, "s-" + lobby, LobbyPin.of("1234"), T0, T0));
                }
                runtimes.add(r);
                runtime = r;
            }
            b.host(Host.of(host, runtime, HostLimits.builder().staticCap(CAP).build()));
        }
        LobbyGovernor governor = b.build();
        for (int h = 0; h < hosts; h++) {
            governor.capacity("h-" + h); // what the health monitor's first polls do
        }
        return new Fleet(governor, store, runtimes, clock);
    }

    private static double status(int hosts) {
        Fleet f = fleet(hosts, CAP - 1, 0, null);
        return medianMillis(hosts >= 1_000 ? 101 : 501, () -> f.governor().status());
    }

    /** The refusal's time in ms and its message's length. */
    private static double[] refusal(int hosts) {
        Fleet f = fleet(hosts, CAP, 0, null);
        int[] length = new int[1];
        double ms = medianMillis(201, () -> {
            try {
                f.governor().acquire(AdmissionRequest.forSession("s"));
                throw new IllegalStateException("a full fleet admitted");
            } catch (AdmissionDeniedException e) {
                length[0] = e.getMessage().length();
            }
        });
        return new double[] {ms, length[0]};
    }

    private static double admission(int hosts, long listNanos, boolean named, boolean oneHung) throws Exception {
        HungRuntime hung = oneHung ? new HungRuntime() : null;
        Fleet f = fleet(hosts, 2, listNanos, hung);
        Thread poll = null;
        if (oneHung) {
            // the monitor's poll of the hung host: stale, so it lists, and never returns
            f.clock().advance(Duration.ofSeconds(2));
            poll = new Thread(() -> f.governor().capacity("h-0"), "hung-poll");
            poll.setDaemon(true);
            poll.start();
            while (poll.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
        }
        String target = "h-" + (hosts - 1);
        int rounds = listNanos >= 1_000_000 ? 21 : 201;
        double ms = medianMillis(rounds, () -> {
            f.clock().advance(Duration.ofSeconds(2)); // every listing stale
            AdmissionRequest request = named ? AdmissionRequest.forSession("s").onHost(target)
                    : AdmissionRequest.forSession("s");
            try (Permit permit = f.governor().acquire(request)) {
                if (oneHung && permit.hostId().equals("h-0")) {
                    throw new IllegalStateException("granted on the hung host");
                }
            }
        });
        if (hung != null) {
            hung.release.countDown();
            poll.join();
        }
        return ms;
    }

    /**
     * A steady cycle over {@code records} lobbies, all with a client connected. With the default
     * activity resolution the records were written by the first cycle and are fresh; with a zero
     * resolution every cycle writes every record's activity again (each cycle's worst case).
     */
    private static double reaperCycle(int hosts, int records, ReaperConfig config) {
        InMemorySessionStore store = new InMemorySessionStore();
        Map<String, List<LiveLobby>> listed = new HashMap<>();
        Instant now = Instant.now();
        for (int i = 0; i < records; i++) {
            String host = "h-" + (i % hosts);
            String lobby = "l-" + i;
            store.putSession("s-" + i);
            store.saveLobby(new LobbyRecord(lobby, host, "s-" + i, LobbyPin.of("1234"), now, now));
            listed.computeIfAbsent(host, h -> new ArrayList<>()).add(new LiveLobby(lobby, lobby, true, 1));
        }
        Map<String, LobbyRuntime> runtimes = new HashMap<>();
        listed.forEach((h, l) -> {
            DelayedRuntime r = new DelayedRuntime(0);
            r.lobbies.addAll(l);
            runtimes.put(h, r);
        });
        try (LobbyReaper reaper = LobbyReaper.builder(store, runtimes).config(config).build()) {
            reaper.runOnce(); // the first cycle writes the activity of every lobby in use
            return medianMillis(11, () -> {
                CycleReport report = reaper.runOnce();
                if (!report.outcomes().isEmpty()) {
                    throw new IllegalStateException("a steady cycle acted: " + report.outcomes().size());
                }
            });
        }
    }

    /** Every stop of a round judged against one listing that still shows half of them. */
    private static double verification(int lobbies) {
        List<LiveLobby> listed = new ArrayList<>();
        List<VerifiedStop.Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < lobbies; i++) {
            if (i % 2 == 0) {
                listed.add(new LiveLobby("l-" + i, "l-" + i, true, 0));
            }
            attempts.add(new VerifiedStop.Attempt("l-" + i, true, null, ""));
        }
        return medianMillis(11, () -> {
            VerifiedStop.Verification v = new VerifiedStop.Verification(listed, "");
            int stopped = 0;
            for (VerifiedStop.Attempt a : attempts) {
                if (v.verdictOf(a) == VerifiedStop.Verdict.STOPPED) {
                    stopped++;
                }
            }
            if (stopped != lobbies / 2) {
                throw new IllegalStateException("stopped " + stopped);
            }
        });
    }

    private static double medianMillis(int rounds, Runnable op) {
        for (int i = 0; i < Math.min(rounds, 20); i++) {
            op.run(); // warm-up
        }
        System.gc(); // the setup's garbage is collected before, not during, the measured rounds
        long[] nanos = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            op.run();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        return nanos[rounds / 2] / 1e6;
    }
}
