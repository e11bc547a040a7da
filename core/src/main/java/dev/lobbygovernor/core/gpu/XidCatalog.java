package dev.lobbygovernor.core.gpu;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What an Xid means and what to do about it, from NVIDIA's Xid catalog, for the Xids a streaming
 * host meets. The catalog's recommended action decides the {@link GpuFault.Effect}:
 * <ul>
 *   <li>restart the application, or ignore, or follow the other Xid (13, 31, 43, 45, 68, 69, 94,
 *       the NVDEC and NVJPG engines): {@link GpuFault.Effect#APPLICATION}, reported against the
 *       lobbies;
 *   <li>reset the GPU or reboot the machine (64, 79, 95, 109, 119, 120):
 *       {@link GpuFault.Effect#OUT_OF_SERVICE};
 *   <li>anything else, including an Xid not in the catalog (the driver reports 999 for an
 *       unknown one): {@link GpuFault.Effect#DEGRADED}, reported against the GPU, never ignored.
 * </ul>
 */
public final class XidCatalog {

    private static final String RESTART_APP = "restart the affected lobby";
    private static final String RESET_GPU = "reset the GPU (nvidia-smi -r, with no process on it) or reboot the machine";
    private static final String REBOOT = "reboot the machine";
    private static final String UNKNOWN_ACTION = "read the NVRM Xid line in the kernel log (dmesg) and NVIDIA's Xid"
            + " catalog; reset the GPU if it repeats";

    private record Entry(String meaning, String action, GpuFault.Effect effect) {
    }

    private static final Map<Integer, Entry> ENTRIES = Map.ofEntries(
            app(13, "Graphics Engine Exception"),
            app(31, "GPU memory page fault"),
            Map.entry(43, new Entry("GPU stopped processing", "none needed; the application that caused it has"
                    + " stopped", GpuFault.Effect.APPLICATION)),
            Map.entry(45, new Entry("Preemptive cleanup after previous errors", "follow the other Xid reported with"
                    + " it", GpuFault.Effect.APPLICATION)),
            degraded(48, "Double Bit ECC Error", "follow NVIDIA's Xid 48 workflow: check for Xid 63/64 and pending"
                    + " row remapping; reset the GPU if remapping is pending"),
            degraded(63, "Memory remapping / page-retirement event", "none needed now; the remap applies at the next"
                    + " GPU reset"),
            held(64, "Memory remapping failure", RESET_GPU),
            app(68, "NVDEC0 Exception (video decoder)"),
            app(69, "Graphics Engine class error"),
            degraded(74, "NVLINK Error", "follow NVIDIA's NVLink error workflow"),
            held(79, "GPU has fallen off the bus", REBOOT),
            app(82, "NVJPG0 Exception"),
            app(83, "NVDEC1 Exception"),
            app(84, "NVDEC2 Exception"),
            app(88, "NVDEC3 Exception"),
            app(89, "NVDEC4 Exception"),
            degraded(92, "High single-bit ECC rate", "none needed now; watch for Xid 48"),
            app(94, "Contained memory error"),
            held(95, "Uncontained memory error", RESET_GPU),
            app(96, "NVDEC5 Exception"),
            app(97, "NVDEC6 Exception"),
            app(98, "NVDEC7 Exception"),
            app(99, "NVJPG1 Exception"),
            app(100, "NVJPG2 Exception"),
            app(101, "NVJPG3 Exception"),
            app(102, "NVJPG4 Exception"),
            app(103, "NVJPG5 Exception"),
            app(104, "NVJPG6 Exception"),
            app(105, "NVJPG7 Exception"),
            held(109, "Context Switch Timeout", RESET_GPU),
            held(119, "GSP RPC Timeout", RESET_GPU + "; investigate the driver if it repeats"),
            held(120, "GSP Error", RESET_GPU + "; investigate the driver if it repeats"),
            degraded(142, "NVENC3 Error", "contact NVIDIA support"),
            degraded(154, "GPU Recovery Action Changed", "follow the GPU's recovery action (it is read with every"
                    + " sample)"));

    private XidCatalog() {
    }

    private static Map.Entry<Integer, Entry> app(int xid, String meaning) {
        return Map.entry(xid, new Entry(meaning, RESTART_APP, GpuFault.Effect.APPLICATION));
    }

    private static Map.Entry<Integer, Entry> held(int xid, String meaning, String action) {
        return Map.entry(xid, new Entry(meaning, action, GpuFault.Effect.OUT_OF_SERVICE));
    }

    private static Map.Entry<Integer, Entry> degraded(int xid, String meaning, String action) {
        return Map.entry(xid, new Entry(meaning, action, GpuFault.Effect.DEGRADED));
    }

    /**
     * Whether the catalog knows {@code xid}.
     *
     * @param xid the Xid number
     * @return true for an Xid listed here
     */
    public static boolean knows(int xid) {
        return ENTRIES.containsKey(xid);
    }

    /**
     * The fault an Xid stands for.
     *
     * @param xid the Xid number, as the driver reported it; at least 1
     * @param seenAt when it was seen; not null
     * @return the fault with the catalog's meaning, action and effect; for an Xid not in the
     *     catalog, "unknown Xid" with effect {@link GpuFault.Effect#DEGRADED}
     * @throws IllegalArgumentException if {@code xid} is less than 1
     * @throws NullPointerException if {@code seenAt} is null
     */
    public static GpuFault fault(int xid, Instant seenAt) {
        if (xid < 1) {
            throw new IllegalArgumentException("an Xid is at least 1, was " + xid);
        }
        Objects.requireNonNull(seenAt, "seenAt");
        Entry e = ENTRIES.get(xid);
        if (e == null) {
            return new GpuFault(xid, "unknown Xid", UNKNOWN_ACTION, GpuFault.Effect.DEGRADED, seenAt);
        }
        return new GpuFault(xid, e.meaning(), e.action(), e.effect(), seenAt);
    }
}
