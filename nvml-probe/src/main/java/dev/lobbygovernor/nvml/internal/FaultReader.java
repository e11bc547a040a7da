package dev.lobbygovernor.nvml.internal;

import com.sun.jna.Function;
import dev.lobbygovernor.core.gpu.GpuFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fault state a GPU keeps, with every sample: the recovery action the driver asks for
 * (field 230), row remapping and page retirement waiting for a reset, uncorrectable ECC errors.
 * Each query is optional: a driver that lacks it, or a board that does not support it (no ECC,
 * no row remapping before Ampere), simply reports nothing, which is "not supported", not a fault
 * and not a failure of monitoring.
 */
final class FaultReader {

    /** {@code NVML_FI_DEV_GET_GPU_RECOVERY_ACTION}. */
    static final int FIELD_RECOVERY_ACTION = 230;
    /** {@code nvmlFieldValue_t} value types. */
    private static final int VALUE_DOUBLE = 0;
    private static final int VALUE_UINT = 1;
    private static final int VALUE_ULONG = 2;
    private static final int VALUE_ULL = 3;
    private static final int VALUE_SLL = 4;
    private static final int VALUE_SINT = 5;
    /** {@code NVML_MEMORY_ERROR_TYPE_UNCORRECTED}, {@code NVML_VOLATILE_ECC}. */
    private static final int UNCORRECTED = 1;
    private static final int VOLATILE = 0;

    private static final String[] RECOVERY_ACTIONS = {
        "NONE", "GPU_RESET", "NODE_REBOOT", "DRAIN_P2P", "DRAIN_AND_RESET", "RECOVER_IMEX_DOMAIN"};
    private static final String[] RECOVERY_ADVICE = {
        "none", "reset the GPU (nvidia-smi -r, with no process on it)", "reboot the machine",
        "stop peer-to-peer work on the GPU, then follow its next recovery action",
        "stop the GPU's work, then reset the GPU", "recover the IMEX domain the GPU belongs to"};

    private final Function fieldValues;
    private final Function remappedRows;
    private final Function retiredPending;
    private final Function eccErrors;

    /**
     * What was read.
     *
     * @param faults the faults the state shows, empty if none
     * @param recoveryAction the recovery action read from field 230, {@code null} when the driver
     *     or the GPU does not report it
     */
    record State(List<GpuFault> faults, Integer recoveryAction) {
    }

    FaultReader(NvmlBinding binding) {
        this.fieldValues = binding.optional("nvmlDeviceGetFieldValues");
        this.remappedRows = binding.optional("nvmlDeviceGetRemappedRows");
        this.retiredPending = binding.optional("nvmlDeviceGetRetiredPagesPendingStatus");
        this.eccErrors = binding.optional("nvmlDeviceGetTotalEccErrors");
    }

    State read(long device, Scratch s, Instant now) {
        List<GpuFault> faults = new ArrayList<>(0);
        Integer recovery = recoveryAction(device, s);
        if (recovery != null && recovery != 0) {
            faults.add(new GpuFault(0, "the driver asks for recovery action " + recoveryName(recovery),
                    recoveryAdvice(recovery), GpuFault.Effect.OUT_OF_SERVICE, now));
        }
        if (remappedRows != null && call(remappedRows, device, s.at(Scratch.OUT_A), s.at(Scratch.OUT_B),
                s.at(Scratch.OUT_C), s.at(Scratch.OUT_D))) {
            if (s.getInt(Scratch.OUT_C) != 0) {
                faults.add(new GpuFault(0, "row remapping pending", "reset the GPU to apply it",
                        GpuFault.Effect.OUT_OF_SERVICE, now));
            }
            if (s.getInt(Scratch.OUT_D) != 0) {
                faults.add(new GpuFault(0, "a row remapping failed", "reset the GPU; if it fails again, contact"
                        + " NVIDIA support", GpuFault.Effect.DEGRADED, now));
            }
        }
        if (retiredPending != null && call(retiredPending, device, s.at(Scratch.OUT_A))
                && s.getInt(Scratch.OUT_A) != 0) {
            faults.add(new GpuFault(0, "page retirement pending", "reboot the machine to retire the pages",
                    GpuFault.Effect.OUT_OF_SERVICE, now));
        }
        if (eccErrors != null && call(eccErrors, device, UNCORRECTED, VOLATILE, s.at(Scratch.OUT_LONG))) {
            long errors = s.getLong(Scratch.OUT_LONG);
            if (errors != 0) {
                faults.add(new GpuFault(0, Long.toUnsignedString(errors) + " uncorrectable ECC errors since the"
                        + " driver loaded", "watch for Xid 48, 63 and 64; reset the GPU if row remapping is pending",
                        GpuFault.Effect.DEGRADED, now));
            }
        }
        return new State(faults, recovery);
    }

    /** Field 230 as an integer, or {@code null} when it is not reported. */
    private Integer recoveryAction(long device, Scratch s) {
        if (fieldValues == null) {
            return null;
        }
        s.setLong(Scratch.FIELD, 0);
        s.setInt(Scratch.FIELD, FIELD_RECOVERY_ACTION);
        s.setInt(Scratch.FIELD + 28, NvmlReturn.NOT_SUPPORTED);
        if (!call(fieldValues, device, 1, s.at(Scratch.FIELD)) || s.getInt(Scratch.FIELD + 28) != NvmlReturn.SUCCESS) {
            return null;
        }
        // The value's type is not documented for this field: read what valueType says.
        int at = Scratch.FIELD + 32;
        switch (s.getInt(Scratch.FIELD + 24)) {
            case VALUE_UINT:
            case VALUE_SINT:
                return s.getInt(at);
            case VALUE_ULONG:
            case VALUE_ULL:
            case VALUE_SLL:
                return (int) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, s.getLong(at)));
            case VALUE_DOUBLE:
                return (int) s.getDouble(at);
            default:
                return null;
        }
    }

    /** Whether the call answered; any failure reads as "not reported" (the sample's own calls judge the GPU). */
    private static boolean call(Function f, Object... args) {
        return f.invokeInt(args) == NvmlReturn.SUCCESS;
    }

    static String recoveryName(int action) {
        return action >= 0 && action < RECOVERY_ACTIONS.length ? RECOVERY_ACTIONS[action] : "unknown (" + action + ")";
    }

    private static String recoveryAdvice(int action) {
        return action > 0 && action < RECOVERY_ADVICE.length ? RECOVERY_ADVICE[action]
                : "follow NVIDIA's documentation for recovery action " + action;
    }
}
