package dev.lobbygovernor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lobbygovernor.core.diagnosis.Finding;
import dev.lobbygovernor.core.gpu.EncoderCapacity;
import dev.lobbygovernor.core.gpu.GpuDevice;
import dev.lobbygovernor.core.gpu.GpuFault;
import dev.lobbygovernor.core.health.HealthReason;
import dev.lobbygovernor.core.health.HostHealth;
import java.util.List;

/**
 * Renders GPU readings and health as the command line's JSON. Field names are part of the
 * documented output ({@code doctor --json}): absent readings are {@code null}, never zero,
 * because a zero would read as an idle GPU (the incident's silent failure).
 */
final class GpuJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GpuJson() {
    }

    /** {@code {"source": ..., "gpus": [...], "health": {...}}}. */
    static ObjectNode doctor(String source, List<GpuDevice> devices, HostHealth health) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("source", source);
        ArrayNode gpus = root.putArray("gpus");
        devices.forEach(d -> gpus.add(device(d)));
        root.set("health", health(health));
        return root;
    }

    /** As {@link #doctor(String, List, HostHealth)}, with {@code "findings": [...]} of the NVIDIA stack's checks. */
    static ObjectNode doctor(String source, List<GpuDevice> devices, HostHealth health, List<Finding> findings) {
        ObjectNode root = doctor(source, devices, health);
        ArrayNode array = root.putArray("findings");
        findings.forEach(f -> array.add(finding(f)));
        return root;
    }

    /**
     * {@code {"check", "status", "code", "summary", "evidence": [...], "action"}}: the enums by
     * name ({@code "DEVICE_CGROUP"}, {@code "PROBLEM"}, {@code "CGROUP_ACCESS_REDUCED"}); the
     * action is {@code null} when there is nothing to do.
     */
    static ObjectNode finding(Finding f) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("check", f.check().name());
        n.put("status", f.status().name());
        n.put("code", f.code().name());
        n.put("summary", f.summary());
        ArrayNode evidence = n.putArray("evidence");
        f.evidence().forEach(evidence::add);
        n.put("action", f.action().isEmpty() ? null : f.action());
        return n;
    }

    /** One GPU; an empty uuid or name (nothing read) is {@code null}. */
    static ObjectNode device(GpuDevice d) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("index", d.index());
        n.put("uuid", d.uuid().isEmpty() ? null : d.uuid());
        n.put("name", d.name().isEmpty() ? null : d.name());
        n.put("memoryTotalMiB", d.memoryTotalMiB());
        n.put("memoryUsedMiB", d.memoryUsedMiB());
        n.put("memoryFreeMiB", d.memoryFreeMiB());
        n.put("gpuUtilizationPercent", d.gpuUtilizationPercent());
        n.put("memoryUtilizationPercent", d.memoryUtilizationPercent());
        n.put("encoderSessions", d.encoderSessions());
        n.put("temperatureC", d.temperatureC());
        n.put("powerWatts", d.powerWatts());
        EncoderCapacity capacity = d.encoderCapacity();
        n.put("encoderCapacityH264Percent", capacity == null ? null : capacity.h264Percent());
        n.put("encoderCapacityHevcPercent", capacity == null ? null : capacity.hevcPercent());
        n.put("encoderCapacityAv1Percent", capacity == null ? null : capacity.av1Percent());
        ArrayNode faults = n.putArray("faults");
        for (GpuFault fault : d.faults()) {
            ObjectNode f = faults.addObject();
            f.put("xid", fault.isXid() ? fault.xid() : null);
            f.put("meaning", fault.meaning());
            f.put("action", fault.action());
            f.put("effect", fault.effect().name());
        }
        return n;
    }

    /** {@code {"status": ..., "monitoringWorking": ..., "reasons": [messages]}}. */
    static ObjectNode health(HostHealth health) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("status", health.status().name());
        n.put("monitoringWorking", health.monitoringWorking());
        ArrayNode reasons = n.putArray("reasons");
        health.reasons().stream().map(HealthReason::message).forEach(reasons::add);
        return n;
    }

    static String write(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // an ObjectNode of strings, numbers and booleans always serialises
            throw new IllegalStateException("could not render JSON", e);
        }
    }
}
