package dev.lobbygovernor.core.diagnosis.internal;

import dev.lobbygovernor.core.diagnosis.Check;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.diagnosis.FindingCode;
import dev.lobbygovernor.core.diagnosis.FindingStatus;
import dev.lobbygovernor.core.diagnosis.SystemView;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The container-toolkit check. The NVIDIA Container Toolkit reads two variables of the
 * container: {@code NVIDIA_VISIBLE_DEVICES} (which GPUs: {@code all}, indexes or UUIDs; empty or
 * {@code void}: the toolkit does nothing; {@code none}: no GPU, only the driver's libraries) and
 * {@code NVIDIA_DRIVER_CAPABILITIES} (which driver libraries are mounted; unset means
 * {@code compute,utility}). NVML and nvidia-smi need {@code utility}; NVENC needs {@code video}.
 * A container is recognised by {@code /.dockerenv}, {@code /run/.containerenv}, the
 * {@code container} variable, or the toolkit's own variable being set.
 */
final class ContainerToolkit {

    static final String VISIBLE_DEVICES = "NVIDIA_VISIBLE_DEVICES";
    static final String CAPABILITIES = "NVIDIA_DRIVER_CAPABILITIES";
    private static final Set<String> DEFAULT_CAPABILITIES = Set.of("compute", "utility");

    private ContainerToolkit() {
    }

    static Finding check(SystemView view, DeviceScan scan) {
        Optional<String> visible = view.variable(VISIBLE_DEVICES);
        List<String> evidence = new ArrayList<>();
        if (visible.isEmpty()) {
            evidence.add(VISIBLE_DEVICES + " is unset");
            if (!inContainer(view, evidence)) {
                return finding(FindingStatus.NOT_APPLICABLE, FindingCode.NOT_IN_CONTAINER,
                        "Not in a container: the NVIDIA Container Toolkit's variables do not apply.", evidence, "");
            }
            if (!scan.nodes().isEmpty()) {
                evidence.add("/dev/nvidia* nodes are present");
                return finding(FindingStatus.NOT_APPLICABLE, FindingCode.TOOLKIT_NOT_USED,
                        "The GPU came into this container another way than the toolkit's variables (CDI or"
                                + " --device), so they do not apply.", evidence, "");
            }
            return noGpu("This container was started without a GPU: " + VISIBLE_DEVICES
                    + " is unset and there is no /dev/nvidia* node.", evidence);
        }
        String value = visible.get().strip().toLowerCase(Locale.ROOT);
        evidence.add(VISIBLE_DEVICES + "=" + Evidence.quote(visible.get()));
        if (value.isEmpty() || value.equals("void")) {
            return noGpu("No GPU was requested: with " + VISIBLE_DEVICES + " empty or 'void' the NVIDIA runtime"
                    + " leaves the container alone (no GPU, no driver libraries).", evidence);
        }
        if (value.equals("none")) {
            return noGpu("No GPU was requested: " + VISIBLE_DEVICES + "=none gives the container the driver's"
                    + " libraries but no GPU.", evidence);
        }
        Set<String> capabilities = capabilities(view, evidence);
        List<String> missing = new ArrayList<>();
        if (!capabilities.contains("all")) {
            for (String needed : List.of("utility", "video")) {
                if (!capabilities.contains(needed)) {
                    missing.add(needed);
                }
            }
        }
        if (missing.isEmpty()) {
            return finding(FindingStatus.OK, FindingCode.GPU_REQUESTED,
                    "A GPU was requested (" + visible.get().strip() + ") with the utility and video capabilities.",
                    evidence, "");
        }
        String why = missing.stream().map(c -> c.equals("utility")
                        ? "without 'utility' the NVML library and nvidia-smi are not mounted"
                        : "without 'video' the NVENC library is not mounted, so nothing in this container can"
                                + " encode (a container that only monitors the GPU does not need it)")
                .collect(Collectors.joining("; "));
        return finding(FindingStatus.PROBLEM, FindingCode.CAPABILITY_MISSING,
                "The container lacks the driver capabilit" + (missing.size() == 1 ? "y " : "ies ")
                        + String.join(" and ", missing) + ": " + why + ".", evidence,
                "Set " + CAPABILITIES + "=all (or add " + String.join(",", missing) + " to it) in the container's"
                        + " environment: docker run -e " + CAPABILITIES + "=all, or in compose 'environment: "
                        + CAPABILITIES + ": all'; then recreate the container.");
    }

    private static Set<String> capabilities(SystemView view, List<String> evidence) {
        Optional<String> given = view.variable(CAPABILITIES).filter(v -> !v.isBlank());
        if (given.isEmpty()) {
            evidence.add(CAPABILITIES + " is unset: the toolkit's default, compute,utility");
            return DEFAULT_CAPABILITIES;
        }
        evidence.add(CAPABILITIES + "=" + Evidence.quote(given.get()));
        return Arrays.stream(given.get().split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean inContainer(SystemView view, List<String> evidence) {
        for (String marker : List.of("/.dockerenv", "/run/.containerenv")) {
            if (Files.exists(view.resolve(marker))) {
                evidence.add(marker + " exists: this is a container");
                return true;
            }
        }
        Optional<String> container = view.variable("container").filter(v -> !v.isBlank());
        container.ifPresent(c -> evidence.add("container=" + Evidence.quote(c) + ": this is a container"));
        if (container.isEmpty()) {
            evidence.add("no /.dockerenv, /run/.containerenv or $container");
        }
        return container.isPresent();
    }

    private static Finding noGpu(String summary, List<String> evidence) {
        return finding(FindingStatus.PROBLEM, FindingCode.NO_GPU_REQUESTED, summary, evidence,
                "Request the GPU for the container: docker run --gpus all; in compose, 'deploy: resources:"
                        + " reservations: devices: [{driver: nvidia, count: all, capabilities: [gpu]}]'; or with"
                        + " the nvidia runtime, " + VISIBLE_DEVICES + "=all. Then recreate the container.");
    }

    private static Finding finding(FindingStatus status, FindingCode code, String summary, List<String> evidence,
            String action) {
        return new Finding(Check.CONTAINER_TOOLKIT, status, code, summary, evidence, action);
    }
}
