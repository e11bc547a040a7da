package dev.lobbygovernor.smi.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with a deadline: stdout and stderr are drained concurrently with size caps (a
 * flood or a full pipe cannot hang the caller), and on timeout or flood the process and every
 * process it started are killed. No process of a run outlives it: after every run, whatever its
 * ending, the processes it left behind (daemons with closed pipes, {@code setsid} grandchildren
 * holding its pipes) are killed too. Reports what happened; it never decides what it means.
 */
public final class ProcessRunner {

    /** How long the pipes get to reach their end once the process is gone. */
    public static final Duration DRAIN_GRACE = Duration.ofSeconds(1);

    /**
     * How long the pipes get to reach their end after the process exited by itself, before the
     * processes it left behind are taken to hold them: once it exited, all it printed is in the
     * pipes already, and reading that takes microseconds.
     */
    public static final Duration EXIT_GRACE = Duration.ofMillis(200);

    /**
     * The most a run can last past its timeout: a kill and a drain for the process tree, then
     * another of each for leftovers that still hold a pipe.
     */
    public static final Duration MAX_OVERRUN = ProcessTree.KILL_GRACE.plus(DRAIN_GRACE).multipliedBy(2);

    /** How a run ended. */
    public enum Ending {
        /**
         * The process exited by itself. Its output is complete even if a process it left
         * behind held a pipe open (that process was killed, and the pipe read no further).
         */
        EXITED,
        /** The deadline passed; the process tree was killed. */
        TIMED_OUT,
        /** A pipe went past its cap; the process tree was killed. */
        FLOODED
    }

    /**
     * The outcome of a run.
     *
     * @param ending how it ended
     * @param exitCode the exit code, if the process exited by itself
     * @param stdout what it printed on stdout, up to the cap
     * @param stderr what it printed on stderr, up to the cap
     * @param pid the process id
     * @param killed how many processes were killed (the process and those it started)
     * @param stuck a process of the run still alive after being killed and waited for: the
     *     process itself if it lives, else a process it started
     */
    public record Result(Ending ending, OptionalInt exitCode, String stdout, String stderr, long pid,
            int killed, Optional<ProcessHandle> stuck) {
    }

    private final Executor drainExecutor;
    private final ProcessKiller killer;
    /** Readers of earlier runs whose pipe a process that would not die still holds open. */
    private final Set<Drain> openReaders = ConcurrentHashMap.newKeySet();

    /**
     * A runner.
     *
     * @param drainExecutor runs the two pipe readers of each run; each runs until its pipe ends
     * @param killer kills a process
     */
    public ProcessRunner(Executor drainExecutor, ProcessKiller killer) {
        this.drainExecutor = Objects.requireNonNull(drainExecutor, "drainExecutor");
        this.killer = Objects.requireNonNull(killer, "killer");
    }

    /**
     * An executor that runs each task on a new daemon thread with the given name; the thread
     * ends with its task.
     *
     * @param name the threads' name
     * @return the executor
     */
    public static Executor daemonThreads(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /**
     * Runs {@code command} and waits for it, at most {@code timeout}.
     *
     * @param command the executable and its arguments
     * @param timeout how long the run may take
     * @param maxStdout the most stdout bytes kept; more kills the run
     * @param maxStderr the most stderr bytes kept; more kills the run
     * @return how the run ended and what it printed
     * @throws IOException if the process could not be started (missing executable, say)
     * @throws InterruptedException if interrupted while waiting; the process tree is killed first
     */
    public Result run(List<String> command, Duration timeout, int maxStdout, int maxStderr)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ProcessBuilder builder = new ProcessBuilder(command);
        RunMarker marker = new RunMarker(Instant.now());
        marker.applyTo(builder);
        Process process = builder.start();
        ProcessTree tree = new ProcessTree(process, marker, killer);
        try {
            process.getOutputStream().close(); // nvidia-smi reads no input; EOF rather than a pipe that never ends
        } catch (IOException ignored) {
            // The process already exited; its output tells the rest.
        }
        Drain out = new Drain(process.getInputStream(), maxStdout, tree::kill);
        Drain err = new Drain(process.getErrorStream(), maxStderr, tree::kill);
        try {
            drainExecutor.execute(out);
            drainExecutor.execute(err);
        } catch (RuntimeException rejected) {
            tree.kill(); // without readers its pipes would fill and it would hang forever
            throw rejected;
        }
        boolean exited;
        try {
            exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            tree.kill();
            throw e;
        }
        if (!exited) {
            tree.kill();
        }
        // Once the process exited, what it printed is in the pipes: read that, and do not wait
        // for processes it left behind to close them.
        long drainDeadline = System.nanoTime() + (exited ? EXIT_GRACE : DRAIN_GRACE).toNanos();
        boolean drained = out.awaitEnd(drainDeadline) & err.awaitEnd(drainDeadline);
        // Nothing of the run may outlive it, whether or not it holds a pipe: a daemon with
        // closed pipes is found by the marker it inherited, like a setsid grandchild.
        tree.killLeftovers();
        if (!drained) {
            long afterKill = System.nanoTime() + DRAIN_GRACE.toNanos();
            if (!(out.awaitEnd(afterKill) & err.awaitEnd(afterKill))) {
                keepIfOpen(out);
                keepIfOpen(err);
            }
        }
        Ending ending = !exited ? Ending.TIMED_OUT
                : out.flooded() || err.flooded() ? Ending.FLOODED : Ending.EXITED;
        OptionalInt exitCode = ending == Ending.EXITED && !process.isAlive()
                ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
        Optional<ProcessHandle> stuck = process.isAlive() ? Optional.of(process.toHandle()) : tree.survivor();
        return new Result(ending, exitCode, out.text(), err.text(), process.pid(), tree.killed(), stuck);
    }

    /**
     * Whether a reader of an earlier run is still blocked on a pipe that a surviving process holds
     * open, after waiting up to {@code wait} for it to end. While one is, starting another run
     * would only leave two more readers behind. An interrupted caller stops waiting (its interrupt
     * kept) and gets the answer as it stands.
     *
     * @param wait how long to wait for such readers to end
     * @return whether a reader of an earlier run is still open
     */
    public boolean readersStillOpen(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (Drain d : openReaders) {
                if (d.awaitEnd(deadline)) {
                    openReaders.remove(d);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !openReaders.isEmpty();
    }

    private void keepIfOpen(Drain drain) throws InterruptedException {
        if (!drain.awaitEnd(System.nanoTime())) {
            openReaders.add(drain);
        }
    }

}
