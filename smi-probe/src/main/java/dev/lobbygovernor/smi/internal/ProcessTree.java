package dev.lobbygovernor.smi.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run's process and every process it started, found two ways: as its descendants while it
 * lives, and by the {@link RunMarker} they inherited once it is gone (its orphans are re-parented
 * and no longer descend from it).
 */
public final class ProcessTree {

    /** How long killed processes get to disappear before they are reported as survivors. */
    public static final Duration KILL_GRACE = Duration.ofSeconds(2);


    private final Process process;
    private final RunMarker marker;
    private final ProcessKiller killer;
    private final AtomicBoolean treeKilled = new AtomicBoolean();
    private final Set<ProcessHandle> targets = new LinkedHashSet<>(); // guarded by itself

    ProcessTree(Process process, RunMarker marker, ProcessKiller killer) {
        this.process = process;
        this.marker = marker;
        this.killer = killer;
    }

    /**
     * Kills the process and every process of its run, once. The descendants are listed first,
     * while the process lives: once it dies they are re-parented; the marker finds those that
     * were re-parented earlier (a child that daemonised, say).
     */
    void kill() {
        if (!treeKilled.compareAndSet(false, true)) {
            return;
        }
        List<ProcessHandle> family = new ArrayList<>();
        family.add(process.toHandle());
        try {
            process.descendants().forEach(family::add);
        } catch (RuntimeException unsupported) {
            // No process listing on this platform: the process itself is still killed.
        }
        family.addAll(marker.find());
        killAll(family);
    }

    /** Kills what is left of the run after its process exited: the processes carrying its marker. */
    void killLeftovers() {
        killAll(marker.find());
    }

    /** How many processes were killed. */
    int killed() {
        synchronized (targets) {
            return targets.size();
        }
    }

    /** The first killed process that is still alive, if any. */
    Optional<ProcessHandle> survivor() {
        synchronized (targets) {
            return targets.stream().filter(ProcessTree::isLive).findFirst();
        }
    }

    private void killAll(List<ProcessHandle> family) {
        List<ProcessHandle> fresh = new ArrayList<>();
        synchronized (targets) {
            for (ProcessHandle p : family) {
                if (targets.add(p)) {
                    fresh.add(p);
                }
            }
        }
        fresh.forEach(this::killQuietly);
        long deadline = System.nanoTime() + KILL_GRACE.toNanos();
        for (ProcessHandle p : fresh) {
            awaitDeath(p, deadline);
        }
    }

    private void killQuietly(ProcessHandle p) {
        try {
            killer.kill(p);
        } catch (RuntimeException notOurs) {
            // A process we may not signal: reported as a survivor if it lives on.
        }
    }

    private static void awaitDeath(ProcessHandle p, long deadline) {
        try {
            while (isLive(p) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether a process is alive and not a zombie (a killed orphan may wait for a reaper).
     *
     * @param process the process
     * @return {@code true} if it runs
     */
    public static boolean isLive(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String s = Files.readString(stat);
            // the state follows the command name, which is in parentheses and may hold any
            // character, a ')' included
            return s.charAt(s.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException | RuntimeException noProcfs) {
            return process.isAlive();
        }
    }
}
