package dev.lobbygovernor.smi.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Tags one run's processes so they can be found after the run's own process exited. Once a
 * process exits, the processes it started are re-parented (to init or a subreaper) and no longer
 * show as its descendants; but they inherit its environment, so a variable with a fresh value set
 * on the run's process marks every process of that run. Found through
 * {@code /proc/<pid>/environ} (Linux; only processes of our own user are readable, which ours
 * are); where there is no procfs, nothing is found.
 *
 * <p>A process that clears its environment drops the marker, but not its process group or
 * session: a marked process that leads a group or session of its own (as {@code setsid} makes
 * it) lends the marker to every process in it. The run's own process never leads one (it
 * shares this JVM's), so no process outside the run is ever taken for one of its.
 */
final class RunMarker {

    /** The environment variable set on every run's process. */
    static final String VARIABLE = "LOBBY_GOVERNOR_RUN";

    /**
     * How much earlier than the run a process's reported start may be and still be looked at.
     * The JDK derives start instants from the boot time in whole seconds ({@code btime} in
     * {@code /proc/stat}) plus clock ticks, so they read up to a second early, more where the
     * wall clock was stepped since boot; a slack of one second missed leftovers on such hosts.
     * The filter only spares reading every old process's environment: the marker itself is
     * unique to the run, so a wide slack finds nothing that is not the run's own.
     */
    static final Duration START_SLACK = Duration.ofMinutes(1);

    private final String value = UUID.randomUUID().toString();
    private final byte[] needle = (VARIABLE + "=" + value).getBytes(StandardCharsets.US_ASCII);
    private final Instant notBefore;

    RunMarker(Instant startingAt) {
        this.notBefore = startingAt.minus(START_SLACK);
    }

    void applyTo(ProcessBuilder builder) {
        builder.environment().put(VARIABLE, value);
    }

    /**
     * The live processes that carry this marker, the run's own process included if it lives,
     * and the processes in a group or session that a marked process leads.
     */
    List<ProcessHandle> find() {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> recent;
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            recent = all.filter(p -> p.pid() != self)
                    .filter(p -> p.info().startInstant().map(s -> !s.isBefore(notBefore)).orElse(true))
                    .collect(Collectors.toList());
        } catch (RuntimeException unsupported) {
            return List.of(); // no process listing on this platform
        }
        List<ProcessHandle> found = new ArrayList<>();
        // A group's or session's id is its leader's pid, and Linux gives no new process a pid
        // that is still a group's or session's id: a process whose group or session id is the
        // pid of a marked process is in a group or session that this marked process leads.
        Set<Long> leaders = new HashSet<>();
        for (ProcessHandle p : recent) {
            if (carriesMarker(p)) {
                found.add(p);
                leaders.add(p.pid());
            }
        }
        if (!leaders.isEmpty()) {
            for (ProcessHandle p : recent) {
                long[] ids = groupAndSession(p.pid());
                if (ids != null && (leaders.contains(ids[0]) || leaders.contains(ids[1]))
                        && !found.contains(p)) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    /**
     * A process's group and session ids from {@code /proc/<pid>/stat}, whose fields after the
     * parenthesised command name are state, parent, group, session; {@code null} if unreadable.
     */
    private static long[] groupAndSession(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[2]), Long.parseLong(fields[3])};
        } catch (IOException | RuntimeException goneOrNoProcfs) {
            return null;
        }
    }

    private boolean carriesMarker(ProcessHandle p) {
        try {
            return contains(Files.readAllBytes(Path.of("/proc", Long.toString(p.pid()), "environ")), needle);
        } catch (IOException | RuntimeException goneOrNotOurs) {
            return false;
        }
    }

    /** Whether {@code needle} occurs in {@code haystack}. */
    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
