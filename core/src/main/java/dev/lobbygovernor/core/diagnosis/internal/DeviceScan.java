package dev.lobbygovernor.core.diagnosis.internal;

import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What {@link DeviceNodes#scan} found in {@code /dev}: the expected NVIDIA nodes and how opening
 * each went. The cgroup and toolkit checks read it too.
 *
 * @param devPresent whether {@code /dev} is a directory at all
 * @param nodes the expected nodes found ({@code nvidiactl}, {@code nvidia-uvm}, {@code nvidiaN}), by name
 * @param others other {@code nvidia*} entries, listed as evidence only
 * @param listingFailure why {@code /dev} could not be listed, in the kernel's words; empty when it was
 */
record DeviceScan(boolean devPresent, List<Node> nodes, List<String> others, String listingFailure) {

    static final String CONTROL = "nvidiactl";
    static final String UVM = "nvidia-uvm";
    private static final Pattern GPU = Pattern.compile("nvidia(\\d{1,4})");

    DeviceScan {
        nodes = List.copyOf(nodes);
        others = List.copyOf(others);
    }

    /** A scan of a {@code /dev} that was listed (or is not there). */
    DeviceScan(boolean devPresent, List<Node> nodes, List<String> others) {
        this(devPresent, nodes, others, "");
    }

    /** Whether {@code name} is one of the nodes NVML, CUDA and NVENC need. */
    static boolean expected(String name) {
        return name.equals(CONTROL) || name.equals(UVM) || GPU.matcher(name).matches();
    }

    /** The GPU minor number a {@code nvidiaN} name carries. */
    static OptionalInt gpuNumber(String name) {
        var m = GPU.matcher(name);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    boolean has(String name) {
        return nodes.stream().anyMatch(n -> n.name().equals(name));
    }

    boolean hasGpu() {
        return nodes.stream().anyMatch(n -> gpuNumber(n.name()).isPresent());
    }

    boolean anyRefused(Outcome outcome) {
        return nodes.stream().anyMatch(n -> n.outcome() == outcome);
    }

    /** How opening one node went. */
    enum Outcome {
        /** It opened (a real device node, or a plain file standing in for one in a test tree). */
        OPENED,
        /** EPERM: the kernel's device access control (the cgroup) refused it. */
        NOT_PERMITTED,
        /** EACCES: the file's permissions refuse this user. */
        DENIED,
        /** Anything else: not a device, a broken link, no device behind the node. */
        FAILED
    }

    /**
     * One node.
     *
     * @param name the file name in {@code /dev}
     * @param major the device's major number if it is a character device, else -1
     * @param minor its minor number, else -1
     * @param outcome how opening it went
     * @param detail what was seen, in words
     */
    record Node(String name, int major, int minor, Outcome outcome, String detail) {

        String path() {
            return "/dev/" + name;
        }

        String describe() {
            return path() + ": " + detail;
        }
    }
}
