package dev.lobbygovernor.cli;

import dev.lobbygovernor.core.cleanup.CleanupListener;
import dev.lobbygovernor.core.cleanup.CleanupOutcome;
import dev.lobbygovernor.core.health.HealthListener;
import dev.lobbygovernor.core.health.HostHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Hears what the health monitor and the reaper report, for the demo's timeline and its
 * expectations. Monitor callbacks arrive on the monitor's thread; waits are bounded.
 */
final class DemoRecorder implements HealthListener, CleanupListener {

    private final Timeline timeline;
    private final Consumer<HostHealth> sink;
    private final List<Long> monitoringLostNanos = new ArrayList<>();
    private final List<CleanupOutcome> outcomes = new ArrayList<>();
    private HostHealth latest;
    private int polls;

    /** @param sink where each health goes on (the governor's {@code reportHealth}) */
    DemoRecorder(Timeline timeline, Consumer<HostHealth> sink) {
        this.timeline = timeline;
        this.sink = sink;
    }

    /** The monitor's sink: forwards to the governor, then counts the poll. */
    void accept(HostHealth health) {
        sink.accept(health);
        synchronized (this) {
            latest = health;
            polls++;
            notifyAll();
        }
    }

    @Override
    public void onStatusChanged(HostHealth previous, HostHealth current) {
        String why = current.reasons().isEmpty() ? "" : ": " + current.reasons().get(0).message();
        timeline.add("health", previous.status() + " -> " + current.status() + why);
    }

    @Override
    public void onMonitoringLost(HostHealth health) {
        synchronized (this) {
            monitoringLostNanos.add(System.nanoTime());
            notifyAll();
        }
    }

    @Override
    public void onStopped(CleanupOutcome.Stopped outcome) {
        record(outcome);
    }

    @Override
    public void onAlreadyGone(CleanupOutcome.AlreadyGone outcome) {
        record(outcome);
    }

    @Override
    public void onFailed(CleanupOutcome.Failed outcome) {
        record(outcome);
    }

    @Override
    public void onOrphanReported(CleanupOutcome.OrphanReported outcome) {
        record(outcome);
    }

    @Override
    public void onOrphanStopped(CleanupOutcome.OrphanStopped outcome) {
        record(outcome);
    }

    private synchronized void record(CleanupOutcome outcome) {
        outcomes.add(outcome);
    }

    synchronized List<CleanupOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    synchronized HostHealth latest() {
        return latest;
    }

    synchronized int polls() {
        return polls;
    }

    synchronized List<Long> monitoringLostNanos() {
        return List.copyOf(monitoringLostNanos);
    }

    /**
     * Waits until monitoring has been reported lost more than {@code seenBefore} times; returns
     * when the next report came ({@link System#nanoTime()}), or -1 on timeout.
     */
    synchronized long awaitMonitoringLost(int seenBefore, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (monitoringLostNanos.size() <= seenBefore) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return monitoringLostNanos.get(seenBefore);
    }

    /** Waits until {@code count} polls happened in all; returns whether they did in time. */
    synchronized boolean awaitPolls(int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (polls < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
