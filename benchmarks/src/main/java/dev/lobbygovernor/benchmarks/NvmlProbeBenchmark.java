package dev.lobbygovernor.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import dev.lobbygovernor.core.gpu.GpuSample;
import dev.lobbygovernor.nvml.NvmlGpuProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One NVML sample of eight GPUs through {@link NvmlGpuProbe}, against the fake libnvidia-ml the
 * nvml-probe build compiles (so this measures the binding and the probe, not a driver). Also one
 * NVML call through JNA direct mapping (what the probe uses) and through interface mapping, the
 * comparison that chose direct mapping.
 *
 * <p>Build and run from the repository root:
 * <pre>
 * mvn -o -B -q -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar NvmlProbeBenchmark
 * </pre>
 * The fake library is found through {@code -Dlobbygovernor.fakeNvml=/path/libfake-nvml-full.so},
 * else the environment variable {@code LOBBYGOVERNOR_FAKE_NVML}, else
 * {@code nvml-probe/target/fake-nvml/libfake-nvml-full.so} under the working directory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class NvmlProbeBenchmark {

    /** System property naming the fake library file. */
    public static final String PROPERTY = "lobbygovernor.fakeNvml";
    /** Environment variable naming the fake library file. */
    public static final String ENVIRONMENT = "LOBBYGOVERNOR_FAKE_NVML";
    /** Where the nvml-probe build puts the fake, relative to the repository root. */
    public static final String DEFAULT_PATH = "nvml-probe/target/fake-nvml/libfake-nvml-full.so";

    static final int GPUS = 8;
    static final long MIB = 1024 * 1024;

    private NvmlGpuProbe probe;
    private Path control;
    private long handle;
    private Memory out;
    private InterfaceMapped interfaceMapped;
    private Pointer handlePointer;

    /** The call measured both ways: three arguments, one out-parameter. */
    public interface InterfaceMapped extends Library {
        int nvmlDeviceGetTemperature(Pointer device, int sensor, Pointer temperature);
    }

    /** The same call, direct-mapped as the probe's binding does it. */
    static final class DirectMapped {
        static native int nvmlDeviceGetTemperature(long device, int sensor, long temperature);

        static native int nvmlDeviceGetHandleByIndex_v2(int index, long device);
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path library = fakeLibrary();
        control = Files.createTempFile("nvml-benchmark", ".control");
        Files.writeString(control, eightBusyGpus());
        NativeLibrary fake = NativeLibrary.getInstance(library.toString());
        fake.getFunction("fake_nvml_set_control").invokeVoid(new Object[] {control.toString()});

        probe = NvmlGpuProbe.builder().libraryPath(library).build();
        GpuSample first = probe.sample();
        if (first.devices().size() != GPUS || first.devices().get(GPUS - 1).processes().size() != 4) {
            throw new IllegalStateException("the fake did not take the benchmark's control file: " + first);
        }

        Native.register(DirectMapped.class, fake);
        out = new Memory(8);
        if (DirectMapped.nvmlDeviceGetHandleByIndex_v2(0, Pointer.nativeValue(out)) != 0) {
            throw new IllegalStateException("no device handle from the fake");
        }
        handle = out.getLong(0);
        handlePointer = new Pointer(handle);
        interfaceMapped = Native.load(library.toString(), InterfaceMapped.class);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        probe.close();
        Files.deleteIfExists(control);
    }

    @Benchmark
    public GpuSample sampleEightGpus() throws Exception {
        return probe.sample();
    }

    @Benchmark
    public int oneCallDirectMapping() {
        return DirectMapped.nvmlDeviceGetTemperature(handle, 0, Pointer.nativeValue(out));
    }

    @Benchmark
    public int oneCallInterfaceMapping() {
        return interfaceMapped.nvmlDeviceGetTemperature(handlePointer, 0, out);
    }

    static Path fakeLibrary() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        Path library = Path.of(configured != null ? configured : DEFAULT_PATH).toAbsolutePath();
        if (!Files.isRegularFile(library)) {
            throw new IllegalStateException("fake NVML not found at " + library + ": build it with"
                    + " `mvn -o -B -q -pl benchmarks -am package -DskipTests` from the repository root, or"
                    + " pass -D" + PROPERTY + "=/path/to/libfake-nvml-full.so");
        }
        return library;
    }

    /** Eight GPUs, each with encoder sessions and two compute and two graphics processes. */
    static String eightBusyGpus() {
        StringBuilder text = new StringBuilder("devices=" + GPUS + "\n");
        for (int i = 0; i < GPUS; i++) {
            String d = "device." + i + ".";
            text.append(d).append("name=NVIDIA L40S\n")
                    .append(d).append("memory=").append(46068 * MIB).append(',').append(40000 * MIB).append(',')
                    .append(5000 * MIB).append(',').append(1068 * MIB).append('\n')
                    .append(d).append("encoder_stats=3,60,1200\n")
                    .append(d).append("compute=").append(1000 + i).append(':').append(2048 * MIB).append(',')
                    .append(2000 + i).append(":na\n")
                    .append(d).append("graphics=").append(3000 + i).append(':').append(512 * MIB).append(',')
                    .append(4000 + i).append(':').append(256 * MIB).append('\n');
        }
        return text.toString();
    }
}
