package dev.lobbygovernor.nvml.internal;

import com.sun.jna.FunctionMapper;
import com.sun.jna.NativeLibrary;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds each direct-mapped method to the newest symbol the library exports, the way NVML's own
 * header does with {@code #define nvmlInit nvmlInit_v2}: old drivers lack the newer symbols, so
 * each is looked up and the binding falls back ({@code _v3} → {@code _v2} → plain). Only the
 * functions listed here are upgraded; {@code nvmlDeviceGetMemoryInfo} is not, because its
 * {@code _v2} takes a different struct and is bound separately.
 */
final class VersionedSymbols implements FunctionMapper {

    private static final Map<String, List<String>> VERSIONS = Map.of(
            "nvmlInit", List.of("nvmlInit_v2", "nvmlInit"),
            "nvmlDeviceGetCount", List.of("nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"),
            "nvmlDeviceGetHandleByIndex",
            List.of("nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"),
            "nvmlDeviceGetComputeRunningProcesses", List.of("nvmlDeviceGetComputeRunningProcesses_v3",
                    "nvmlDeviceGetComputeRunningProcesses_v2", "nvmlDeviceGetComputeRunningProcesses"),
            "nvmlDeviceGetGraphicsRunningProcesses", List.of("nvmlDeviceGetGraphicsRunningProcesses_v3",
                    "nvmlDeviceGetGraphicsRunningProcesses_v2", "nvmlDeviceGetGraphicsRunningProcesses"));

    private final Map<String, String> chosen = new ConcurrentHashMap<>();

    @Override
    public String getFunctionName(NativeLibrary library, Method method) {
        return resolve(library, method.getName());
    }

    /** The symbol {@code name} binds to in {@code library}; the name itself when none exists. */
    String resolve(NativeLibrary library, String name) {
        for (String candidate : VERSIONS.getOrDefault(name, List.of(name))) {
            if (exports(library, candidate)) {
                chosen.put(name, candidate);
                return candidate;
            }
        }
        return name;
    }

    /** The symbol chosen for {@code name}, or {@code name} when it was never resolved. */
    String chosen(String name) {
        return chosen.getOrDefault(name, name);
    }

    static boolean exports(NativeLibrary library, String symbol) {
        try {
            library.getGlobalVariableAddress(symbol);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }
}
