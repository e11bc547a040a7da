package dev.lobbygovernor.nvml.internal;

import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs what changes about an NVML session, once per change: the first start, a failure that
 * differs from the last one, a recovery, a GPU that starts or stops failing. A steady state, good
 * or bad, logs nothing, so sampling every few seconds never fills a log.
 */
final class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<String> failing = new AtomicReference<>();
    private final Set<Integer> failingDevices = ConcurrentHashMap.newKeySet();

    void initialised(NvmlBinding binding) {
        if (started.compareAndSet(false, true)) {
            log.atInfo().addKeyValue("library", binding.libraryFile())
                    .addKeyValue("driver", binding.driverVersion())
                    .addKeyValue("nvml", binding.nvmlVersion())
                    .addKeyValue("init", binding.symbol("nvmlInit"))
                    .addKeyValue("processRecordBytes", binding.processStride(false))
                    .log("NVML session started");
        } else {
            log.atDebug().log("NVML re-initialised");
        }
    }

    void succeeded() {
        String previous = failing.getAndSet(null);
        if (previous != null) {
            log.atInfo().addKeyValue("after", previous).log("NVML answers again");
        }
    }

    void failed(NvmlError e) {
        String key = e.failureCause() + " " + NvmlReturn.name(e.returnCode());
        if (key.equals(failing.getAndSet(key))) {
            return;
        }
        // A machine without NVIDIA's library is not broken, it just has nothing for this probe.
        var event = e.failureCause() == ProbeFailureCause.LIBRARY_MISSING ? log.atInfo() : log.atWarn();
        event.addKeyValue("cause", e.failureCause())
                .addKeyValue("code", NvmlReturn.name(e.returnCode()))
                .addKeyValue("function", e.function())
                .log(e.getMessage());
    }

    void deviceFailed(int index, NvmlError e) {
        if (failingDevices.add(index)) {
            log.atWarn().addKeyValue("gpu", index).addKeyValue("code", NvmlReturn.name(e.returnCode()))
                    .addKeyValue("function", e.function()).log(e.getMessage());
        }
    }

    void deviceAnswered(int index) {
        if (!failingDevices.isEmpty() && failingDevices.remove(index)) {
            log.atInfo().addKeyValue("gpu", index).log("GPU answers NVML again");
        }
    }
}
