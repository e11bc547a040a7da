package dev.lobbygovernor.smi.internal;

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
final class ProcessTree {

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
            return targets.stream().filter(ProcessRunner::isLive).findFirst();
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
        long deadline = System.nanoTime() + ProcessRunner.KILL_GRACE.toNanos();
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
            while (ProcessRunner.isLive(p) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
