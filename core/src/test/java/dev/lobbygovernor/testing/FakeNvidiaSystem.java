package dev.lobbygovernor.testing;

import dev.lobbygovernor.core.diagnosis.SystemView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A fake system tree for the GPU doctor's checks under a temporary directory: {@code /dev} nodes
 * as plain files, {@code /proc} and {@code /sys/fs/cgroup} files, library directories with the
 * driver's link layout, and an environment. {@link #healthyContainer} is a container that passes
 * every check; a test then breaks one thing.
 */
public final class FakeNvidiaSystem {

    /** The driver version the healthy tree has, in the module and the library alike. */
    public static final String VERSION = "550.54.15";
    /** Where the healthy tree's library lives. */
    public static final String LIBRARY_DIR = "/usr/lib/x86_64-linux-gnu";

    private final Path root;
    private final Map<String, String> env = new HashMap<>();

    /**
     * An empty tree.
     *
     * @param root the directory that stands for {@code /}
     */
    public FakeNvidiaSystem(Path root) {
        this.root = root;
    }

    /**
     * A container given the GPU through the toolkit, with a matching driver and library, cgroup v1
     * rules granting the NVIDIA devices, and {@code NVIDIA_DRIVER_CAPABILITIES=all}.
     *
     * @param root the directory that stands for {@code /}
     * @return the tree
     */
    public static FakeNvidiaSystem healthyContainer(Path root) {
        return new FakeNvidiaSystem(root)
                .devices("nvidiactl", "nvidia-uvm", "nvidia0")
                .file("/proc/devices", "Character devices:\n  1 mem\n195 nvidia-frontend\n508 nvidia-uvm\n")
                .cgroupV1("/docker/0123abcd", "c 1:3 rwm\nc *:* m\nb *:* m\nc 195:255 rw\nc 195:0 rw\nc 508:0 rw\n")
                .driver(VERSION)
                .library(LIBRARY_DIR, VERSION)
                .file("/.dockerenv", "")
                .env("NVIDIA_VISIBLE_DEVICES", "all")
                .env("NVIDIA_DRIVER_CAPABILITIES", "all");
    }

    /**
     * Plain files standing for device nodes in {@code /dev}.
     *
     * @param names file names such as {@code nvidia0}
     * @return this
     */
    public FakeNvidiaSystem devices(String... names) {
        dir("/dev");
        for (String name : names) {
            file("/dev/" + name, "");
        }
        return this;
    }

    /**
     * {@code /proc/self/cgroup} naming a v1 devices cgroup, and its {@code devices.list} at the
     * controller's mount point (what a container without a cgroup namespace sees).
     *
     * @param path the cgroup path the process is in
     * @param devicesList the rules
     * @return this
     */
    public FakeNvidiaSystem cgroupV1(String path, String devicesList) {
        file("/proc/self/cgroup", "12:memory:" + path + "\n11:devices:" + path + "\n1:name=systemd:" + path + "\n");
        return file("/sys/fs/cgroup/devices/devices.list", devicesList);
    }

    /**
     * {@code /proc/self/cgroup} of a cgroup v2 (unified) system.
     *
     * @return this
     */
    public FakeNvidiaSystem cgroupV2() {
        file("/sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        return file("/proc/self/cgroup", "0::/\n");
    }

    /**
     * {@code /proc/driver/nvidia/version} as the proprietary kernel module writes it.
     *
     * @param version the module's version
     * @return this
     */
    public FakeNvidiaSystem driver(String version) {
        return file("/proc/driver/nvidia/version", "NVRM version: NVIDIA UNIX x86_64 Kernel Module  " + version
                + "  Tue Mar  5 22:23:56 UTC 2024\nGCC version:  gcc version 12.3.0 (Ubuntu 12.3.0-1ubuntu1~22.04)\n");
    }

    /**
     * {@code libnvidia-ml.so.<version>} in {@code dir}, with {@code libnvidia-ml.so.1} a relative link to it.
     *
     * @param dir the directory, as a system path
     * @param version the library's version
     * @return this
     */
    public FakeNvidiaSystem library(String dir, String version) {
        file(dir + "/libnvidia-ml.so." + version, "\u007fELF");
        return link(dir + "/libnvidia-ml.so.1", "libnvidia-ml.so." + version);
    }

    /**
     * A file with text content, its directories created.
     *
     * @param absolute the system path
     * @param content the text
     * @return this
     */
    public FakeNvidiaSystem file(String absolute, String content) {
        return bytes(absolute, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file with binary content, its directories created.
     *
     * @param absolute the system path
     * @param content the bytes
     * @return this
     */
    public FakeNvidiaSystem bytes(String absolute, byte[] content) {
        Path p = path(absolute);
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A symbolic link; {@code target} should be relative, an absolute one would leave the tree.
     *
     * @param absolute the link's system path
     * @param target what it points to
     * @return this
     */
    public FakeNvidiaSystem link(String absolute, String target) {
        Path p = path(absolute);
        try {
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * A directory.
     *
     * @param absolute the system path
     * @return this
     */
    public FakeNvidiaSystem dir(String absolute) {
        try {
            Files.createDirectories(path(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Removes a file or an empty directory, if there.
     *
     * @param absolute the system path
     * @return this
     */
    public FakeNvidiaSystem remove(String absolute) {
        try {
            Files.deleteIfExists(path(absolute));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Sets an environment variable.
     *
     * @param name its name
     * @param value its value
     * @return this
     */
    public FakeNvidiaSystem env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Unsets an environment variable.
     *
     * @param name its name
     * @return this
     */
    public FakeNvidiaSystem unset(String name) {
        env.remove(name);
        return this;
    }

    /**
     * The path that stands for a system path.
     *
     * @param absolute the system path
     * @return the path under the root
     */
    public Path path(String absolute) {
        return root.resolve(absolute.substring(1));
    }

    /**
     * The view the checks read.
     *
     * @return the root and the environment so far
     */
    public SystemView view() {
        return new SystemView(root, env);
    }
}
