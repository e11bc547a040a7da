package dev.lobbygovernor.core.gpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which NVIDIA card each DRM render node of this machine belongs to, from the kernel's own
 * files: {@code /sys/class/drm/renderD<N>/device} leads to the card's PCI device, and
 * {@code /proc/driver/nvidia/gpus/<PCI address>/information} names that card's UUID, the one
 * NVML reports. Addresses are compared as numbers (domain, bus, device), since sysfs, the
 * driver and NVML write them with different case and widths. Render nodes of other vendors'
 * cards have no entry under the driver and are left out.
 */
public final class RenderNodes {

    private static final Pattern RENDER_NODE = Pattern.compile("renderD(\\d+)");
    private static final Pattern PCI = Pattern.compile(
            "(?:([0-9a-fA-F]{1,8}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})(?:\\.[0-7])?");
    private static final String UUID_LINE = "GPU UUID:";

    private RenderNodes() {
    }

    /**
     * The NVIDIA render nodes under {@code root}, in render node order.
     *
     * @param root the file system root to read under: {@code /} on the streaming host itself,
     *     a copy of the relevant trees in tests
     * @return each render node of an NVIDIA card, with that card's UUID; empty when the
     *     machine has none (no DRM class, or no NVIDIA driver loaded)
     * @throws UncheckedIOException if a file that exists cannot be read
     */
    public static List<RenderNode> discover(Path root) {
        Objects.requireNonNull(root, "root");
        Map<PciAddress, String> uuids = nvidiaUuids(root.resolve("proc/driver/nvidia/gpus"));
        List<Found> found = new ArrayList<>();
        for (Path node : entries(root.resolve("sys/class/drm"))) {
            Matcher m = RENDER_NODE.matcher(node.getFileName().toString());
            if (!m.matches()) {
                continue;
            }
            Optional<PciAddress> address = deviceAddress(node.resolve("device"));
            String uuid = address.map(uuids::get).orElse(null);
            if (uuid != null) {
                found.add(new Found(Integer.parseInt(m.group(1)),
                        new RenderNode("/dev/dri/" + node.getFileName(), uuid)));
            }
        }
        found.sort(Comparator.comparingInt(Found::minor));
        return found.stream().map(Found::node).toList();
    }

    private record Found(int minor, RenderNode node) {
    }

    /** A PCI address as numbers, so that {@code 0000:01:00.0} and {@code 00000000:01:00.0} are one. */
    private record PciAddress(int domain, int bus, int device) {

        static Optional<PciAddress> parse(String text) {
            Matcher m = PCI.matcher(text.strip());
            if (!m.matches()) {
                return Optional.empty();
            }
            int domain = m.group(1) == null ? 0 : (int) Long.parseLong(m.group(1), 16);
            return Optional.of(new PciAddress(domain, Integer.parseInt(m.group(2), 16),
                    Integer.parseInt(m.group(3), 16)));
        }
    }

    private static Optional<PciAddress> deviceAddress(Path deviceLink) {
        try {
            return PciAddress.parse(deviceLink.toRealPath().getFileName().toString());
        } catch (NoSuchFileException e) {
            return Optional.empty(); // a render node without a device behind it (a virtual one)
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + deviceLink, e);
        }
    }

    private static Map<PciAddress, String> nvidiaUuids(Path gpus) {
        Map<PciAddress, String> out = new HashMap<>();
        for (Path gpu : entries(gpus)) {
            Optional<PciAddress> address = PciAddress.parse(gpu.getFileName().toString());
            Path information = gpu.resolve("information");
            if (address.isEmpty() || !Files.isRegularFile(information)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(information, StandardCharsets.UTF_8)) {
                    String t = line.strip();
                    if (t.startsWith(UUID_LINE) && !t.substring(UUID_LINE.length()).isBlank()) {
                        out.put(address.get(), t.substring(UUID_LINE.length()).strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + information, e);
            }
        }
        return out;
    }

    private static List<Path> entries(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return out;
    }
}
