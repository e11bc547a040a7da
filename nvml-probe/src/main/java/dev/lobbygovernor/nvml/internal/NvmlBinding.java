package dev.lobbygovernor.nvml.internal;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NVML loaded and bound for this JVM, and what this library version offers: whether the
 * {@code _v2} memory struct and the encoder queries exist, which process symbols were chosen and
 * the record stride each writes.
 *
 * <p>Direct mapping registers static native methods, so there is exactly one binding per JVM:
 * the first successful {@link #bind} wins and later calls for another library are refused. That
 * matches NVML, whose state is process-wide anyway. A failed load binds nothing, so a later call
 * may try again (a driver installed after start-up is found).
 */
public final class NvmlBinding {

    /** {@code nvmlProcessInfo_v1_t}: pid, (pad), usedGpuMemory. */
    static final int PROCESS_V1_STRIDE = 16;
    /** {@code nvmlProcessInfo_t} (v2): v1 plus gpuInstanceId, computeInstanceId. */
    static final int PROCESS_V2_STRIDE = 24;
    /** {@code nvmlProcessDetail_v1_t}: v2 plus usedGpuCcProtectedMemory. */
    static final int PROCESS_DETAIL_STRIDE = 32;

    private static NvmlBinding bound; // guarded by NvmlBinding.class

    private final NvmlLibrarySource source;
    private final NativeLibrary library;
    private final String libraryFile;
    private final VersionedSymbols symbols;
    private final boolean memoryV2;
    private final boolean encoder;
    private final int computeStride;
    private final int graphicsStride;

    private NvmlBinding(NvmlLibrarySource source, NativeLibrary library, VersionedSymbols symbols) {
        this.source = source;
        this.library = library;
        this.libraryFile = library.getFile() == null ? library.getName() : library.getFile().getPath();
        this.symbols = symbols;
        this.memoryV2 = registerIfExported(NvmlMemoryV2.class, library, symbols);
        this.encoder = registerIfExported(NvmlEncoder.class, library, symbols);
        this.computeStride = processStride(library, symbols.chosen("nvmlDeviceGetComputeRunningProcesses"));
        this.graphicsStride = processStride(library, symbols.chosen("nvmlDeviceGetGraphicsRunningProcesses"));
    }

    /**
     * Loads and binds NVML from {@code source}, or returns the binding this JVM already has.
     *
     * @param source where to load NVML from
     * @return this JVM's binding
     * @throws NvmlError {@code LIBRARY_MISSING} when no file loads or it lacks NVML's core
     *     functions; {@code UNKNOWN} when another library is already bound
     */
    public static synchronized NvmlBinding bind(NvmlLibrarySource source) throws NvmlError {
        if (bound != null) {
            if (!bound.source.equals(source)) {
                throw NvmlError.alreadyBound(bound.source, source);
            }
            return bound;
        }
        if (Native.POINTER_SIZE != Long.BYTES) {
            throw NvmlError.unusable(source.toString(), "NVML needs a 64-bit JVM");
        }
        VersionedSymbols symbols = new VersionedSymbols();
        NativeLibrary library = load(source, symbols);
        List<String> missing = missingSymbols(NvmlCore.class, library, symbols);
        if (!missing.isEmpty()) {
            throw NvmlError.unusable(library.getName(), "it lacks " + String.join(", ", missing));
        }
        Native.register(NvmlCore.class, library);
        bound = new NvmlBinding(source, library, symbols);
        return bound;
    }

    private static NativeLibrary load(NvmlLibrarySource source, VersionedSymbols symbols) throws NvmlError {
        List<String> reasons = new ArrayList<>();
        for (String name : source.candidates()) {
            try {
                return NativeLibrary.getInstance(name, Map.of(Library.OPTION_FUNCTION_MAPPER, symbols));
            } catch (UnsatisfiedLinkError e) {
                // JNA lists every path it tried, one per line; the first line names the library.
                reasons.add(firstLine(e.getMessage()));
            } catch (LinkageError e) {
                // JNA's own native part failed to load: NVML cannot be reached either.
                reasons.add(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
            }
        }
        throw NvmlError.libraryMissing(source, reasons);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static List<String> missingSymbols(Class<?> functions, NativeLibrary library, VersionedSymbols symbols) {
        List<String> missing = new ArrayList<>();
        for (Method m : functions.getDeclaredMethods()) {
            if (Modifier.isNative(m.getModifiers())
                    && !VersionedSymbols.exports(library, symbols.resolve(library, m.getName()))) {
                missing.add(m.getName());
            }
        }
        return missing;
    }

    private static boolean registerIfExported(Class<?> functions, NativeLibrary library, VersionedSymbols symbols) {
        if (!missingSymbols(functions, library, symbols).isEmpty()) {
            return false;
        }
        Native.register(functions, library);
        return true;
    }

    /**
     * The record size a process query writes. Drivers 535.43–535.86 shipped {@code _v3} writing
     * the 32-byte detail record without a version bump; they are recognised, as nvitop does, by
     * {@code nvmlDeviceGetConfComputeMemSizeInfo} present and
     * {@code nvmlDeviceGetRunningProcessDetailList} absent (535.104 added the latter and went
     * back to 24 bytes).
     */
    private static int processStride(NativeLibrary library, String symbol) {
        if (symbol.endsWith("_v3")) {
            boolean trap = VersionedSymbols.exports(library, "nvmlDeviceGetConfComputeMemSizeInfo")
                    && !VersionedSymbols.exports(library, "nvmlDeviceGetRunningProcessDetailList");
            return trap ? PROCESS_DETAIL_STRIDE : PROCESS_V2_STRIDE;
        }
        return symbol.endsWith("_v2") ? PROCESS_V2_STRIDE : PROCESS_V1_STRIDE;
    }

    /**
     * A function this library may lack, called through JNA's generic path: for the calls made a
     * few times a sample or less (fault state, events), where direct mapping would save nothing
     * anyone notices and would need one class per optional symbol.
     *
     * @param candidates the symbols to try, newest first
     * @return the first one the library exports, or {@code null} if it exports none
     */
    Function optional(String... candidates) {
        for (String symbol : candidates) {
            if (VersionedSymbols.exports(library, symbol)) {
                return library.getFunction(symbol);
            }
        }
        return null;
    }

    /**
     * The file NVML was loaded from, as the loader reports it.
     *
     * @return the file's path, or the library name when the loader gives no file
     */
    public String libraryFile() {
        return libraryFile;
    }

    /**
     * The symbol a logical function name is bound to.
     *
     * @param function the logical name, such as {@code nvmlInit}
     * @return the bound symbol, such as {@code nvmlInit_v2}; the name itself if it was never resolved
     */
    public String symbol(String function) {
        return symbols.chosen(function);
    }

    /**
     * Whether {@code nvmlDeviceGetMemoryInfo_v2} is bound.
     *
     * @return {@code true} where the library exports it
     */
    public boolean hasMemoryV2() {
        return memoryV2;
    }

    /**
     * Whether the encoder queries are bound.
     *
     * @return {@code true} where the library exports all of them
     */
    public boolean hasEncoder() {
        return encoder;
    }

    /**
     * The bytes per record of a process query.
     *
     * @param graphics {@code true} for the graphics query, {@code false} for the compute one
     * @return the record size in bytes: 16, 24 or 32
     */
    public int processStride(boolean graphics) {
        return graphics ? graphicsStride : computeStride;
    }

    /**
     * The driver version.
     *
     * @return the version, such as {@code 550.54.14}, or empty if NVML does not say
     */
    public String driverVersion() {
        return version(true);
    }

    /**
     * The NVML library version.
     *
     * @return the version, or empty if NVML does not say
     */
    public String nvmlVersion() {
        return version(false);
    }

    private static String version(boolean driver) {
        // NVML_SYSTEM_DRIVER_VERSION_BUFFER_SIZE and NVML_SYSTEM_NVML_VERSION_BUFFER_SIZE are 80.
        try (Scratch s = new Scratch()) {
            int rc = driver ? NvmlCore.nvmlSystemGetDriverVersion(s.at(Scratch.TEXT), 80)
                    : NvmlCore.nvmlSystemGetNVMLVersion(s.at(Scratch.TEXT), 80);
            return rc == NvmlReturn.SUCCESS ? s.text(Scratch.TEXT, 80) : "";
        }
    }

    /**
     * NVML's own text for a return code.
     *
     * @param code the return code
     * @return {@code nvmlErrorString(code)}, or the built-in description if NVML gives nothing
     */
    public String errorString(int code) {
        Pointer text = NvmlCore.nvmlErrorString(code);
        return text == null ? NvmlReturn.describe(code) : text.getString(0, StandardCharsets.UTF_8.name());
    }
}
