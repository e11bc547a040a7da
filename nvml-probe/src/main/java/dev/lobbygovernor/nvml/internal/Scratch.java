package dev.lobbygovernor.nvml.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Native memory for one sample's out-parameters, allocated with {@code malloc} and freed on
 * close. Plain malloc rather than JNA's {@code Memory}: no cleaner registration per sample, and
 * the sample's lifetime is exactly the try block that owns it. One per sample (never shared
 * between threads), so concurrent samples need no locking here.
 */
final class Scratch implements AutoCloseable {

    /** {@code nvmlDevice_t} out-parameter. */
    static final long HANDLE = 0;
    /** Three unsigned-int out-parameters. */
    static final long OUT_A = 8;
    static final long OUT_B = 12;
    static final long OUT_C = 16;
    /** {@code nvmlMemory_t} (24 bytes) or {@code nvmlMemory_v2_t} (40 bytes). */
    static final long MEMORY = 32;
    /** {@code nvmlUtilization_t}: gpu, memory. */
    static final long UTILIZATION = 80;
    /** Text buffers; 96 bytes is NVML's v2 name and UUID size, 80 its version size. */
    static final long TEXT = 96;
    static final int TEXT_LENGTH = 96;
    /** Room for list calls, so the usual short process list needs no extra allocation. */
    static final long LIST = 256;
    static final int LIST_BYTES = 2048;
    static final int SIZE = (int) LIST + LIST_BYTES;

    private final long base;
    private final Pointer memory;
    private final List<Long> extra = new ArrayList<>(0);

    Scratch() {
        base = Native.malloc(SIZE);
        if (base == 0) {
            throw new OutOfMemoryError("malloc(" + SIZE + ") failed");
        }
        memory = new Pointer(base);
    }

    /** The address of {@code offset}, to pass to NVML. */
    long at(long offset) {
        return base + offset;
    }

    int getInt(long offset) {
        return memory.getInt(offset);
    }

    long getLong(long offset) {
        return memory.getLong(offset);
    }

    void setInt(long offset, int value) {
        memory.setInt(offset, value);
    }

    /** The NUL-terminated text NVML wrote at {@code offset}, never reading past {@code max} bytes. */
    String text(long offset, int max) {
        byte[] bytes = memory.getByteArray(offset, max);
        int length = 0;
        while (length < max && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** A list buffer of at least {@code bytes}: the built-in region, or a new one freed on close. */
    Pointer listBuffer(long bytes) {
        if (bytes <= LIST_BYTES) {
            return memory.share(LIST);
        }
        long address = Native.malloc(bytes);
        if (address == 0) {
            throw new OutOfMemoryError("malloc(" + bytes + ") failed");
        }
        extra.add(address);
        return new Pointer(address);
    }

    @Override
    public void close() {
        for (long address : extra) {
            Native.free(address);
        }
        Native.free(base);
    }
}
