package dev.lobbygovernor.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fake libnvidia-ml compiled from {@code src/test/c} (into {@code target/fake-nvml} by the
 * build), and the control file that tells it what to answer. The fake re-reads the file on every
 * {@code nvmlInit}, so a test changes the GPU by writing the file and letting the probe
 * (re-)initialise.
 */
public final class FakeNvml {

    /** The compiled variants; each its own file, so JNA and the loader keep them apart. */
    public enum Variant {
        /** A current driver: every versioned symbol, {@code _v3} process records of 24 bytes. */
        FULL("libfake-nvml-full.so"),
        /** An old driver: no {@code _v2}/{@code _v3} symbols at all. */
        LEGACY("libfake-nvml-legacy.so"),
        /** Drivers 535.43–535.86: {@code _v3} writes 32-byte records. */
        STRIDE32("libfake-nvml-stride32.so");

        final String file;

        Variant(String file) {
            this.file = file;
        }
    }

    private final Path library;
    private final Path control;
    private final NativeLibrary hooks;

    private FakeNvml(Path library, Path control) {
        this.library = library;
        this.control = control;
        this.hooks = NativeLibrary.getInstance(library.toString());
        hooks.getFunction("fake_nvml_set_control").invokeVoid(new Object[] {control.toString()});
        hooks.getFunction("fake_nvml_reset_calls").invokeVoid(new Object[0]);
        hooks.getFunction("fake_nvml_fail_event_wait").invokeVoid(new Object[] {0});
    }

    /** The folder the build compiled the fake into. */
    public static Path directory() {
        Path dir = Path.of(System.getProperty("lobbygovernor.fakeNvml.dir", "target/fake-nvml"));
        assertThat(dir.resolve(Variant.FULL.file))
                .as("fake NVML (compiled by the Maven build: mvn -o -pl nvml-probe verify)").exists();
        return dir;
    }

    /** Loads {@code variant}, controlled by a fresh file in {@code tempDir} that starts as {@code text}. */
    public static FakeNvml load(Variant variant, Path tempDir, Control text) {
        Path control = tempDir.resolve("fake-nvml.control");
        FakeNvml fake = new FakeNvml(directory().resolve(variant.file).toAbsolutePath(), control);
        fake.write(text);
        return fake;
    }

    /** The library file, for {@link NvmlGpuProbe.Builder#libraryPath}. */
    public Path library() {
        return library;
    }

    /** A probe bound to this fake. */
    public NvmlGpuProbe probe() {
        return NvmlGpuProbe.builder().libraryPath(library).build();
    }

    /** Replaces the control file; the fake reads it at the next init. */
    public void write(Control text) {
        try {
            Files.writeString(control, text.render());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How often {@code function} was called since {@link #load}. */
    public long calls(String function) {
        return hooks.getFunction("fake_nvml_calls").invokeLong(new Object[] {function});
    }

    /** {@code nvmlEventTypeXidCriticalError}. */
    public static final long XID_EVENT = 0x8L;

    /**
     * Posts an event to every event set registered for its type on GPU {@code device}.
     *
     * @return how many sets got it: 0 while nothing is registered
     */
    public int postEvent(int device, long type, long data) {
        return hooks.getFunction("fake_nvml_post_event").invokeInt(new Object[] {device, type, data});
    }

    /** Makes every event wait answer {@code code} from now on; 0 restores normal waits. */
    public void failEventWait(int code) {
        hooks.getFunction("fake_nvml_fail_event_wait").invokeVoid(new Object[] {code});
    }

    /** Event sets created and not freed. */
    public int liveEventSets() {
        return hooks.getFunction("fake_nvml_live_event_sets").invokeInt(new Object[0]);
    }

    /** Applies one control line ({@code device.0.recovery_action=0}) at once, without an init. */
    public void apply(String key, Object value) {
        hooks.getFunction("fake_nvml_apply").invokeVoid(new Object[] {key + "=" + value});
    }

    /** NVML's init reference count inside the fake. */
    public int refcount() {
        return hooks.getFunction("fake_nvml_refcount").invokeInt(new Object[0]);
    }

    /** A control file: keys as documented in {@code fake_nvml_control.c}. */
    public static final class Control {

        private final Map<String, String> values = new LinkedHashMap<>();

        private Control() {
        }

        /** {@code devices} GPUs with the fake's defaults. */
        public static Control devices(int devices) {
            return new Control().with("devices", devices);
        }

        /** Sets one key. */
        public Control with(String key, Object value) {
            values.put(key, String.valueOf(value));
            return this;
        }

        /** Sets {@code device.<index>.<key>}. */
        public Control device(int index, String key, Object value) {
            return with("device." + index + "." + key, value);
        }

        String render() {
            return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("\n", "", "\n"));
        }
    }
}
