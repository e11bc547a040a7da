package dev.lobbygovernor.nvml.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Native memory for one sample's out-parameters, allocated with {@code malloc} and freed on
 * close. NVML writes into it; Java reads it through a direct {@link ByteBuffer} view, whose reads
 * the JIT compiles to plain loads (JNA's {@code Pointer.getInt} is a JNI call each). Plain malloc
 * rather than JNA's {@code Memory}: no cleaner registration per sample, and the sample's lifetime
 * is exactly the try block that owns it. One per sample (never shared between threads).
 */
final class Scratch implements AutoCloseable {

    /** {@code nvmlDevice_t} out-parameter. */
    static final int HANDLE = 0;
    /** Three unsigned-int out-parameters. */
    static final int OUT_A = 8;
    static final int OUT_B = 12;
    static final int OUT_C = 16;
    static final int OUT_D = 20;
    /** One unsigned-long-long out-parameter. */
    static final int OUT_LONG = 24;
    /** {@code nvmlMemory_t} (24 bytes) or {@code nvmlMemory_v2_t} (40 bytes). */
    static final int MEMORY = 32;
    /** {@code nvmlUtilization_t}: gpu, memory. */
    static final int UTILIZATION = 80;
    /** Text buffer; 96 bytes is NVML's v2 name and UUID size, 80 its version size. */
    static final int TEXT = 96;
    static final int TEXT_LENGTH = 96;
    /** Room for list calls, so the usual short process list needs no extra allocation. */
    static final int LIST = 256;
    static final int LIST_BYTES = 2048;
    /** One {@code nvmlFieldValue_t} (40 bytes). */
    static final int FIELD = LIST + LIST_BYTES;
    static final int SIZE = FIELD + 40;

    private final long base;
    private final ByteBuffer buffer;
    private final List<Long> extra = new ArrayList<>(0);

    Scratch() {
        base = allocate(SIZE);
        buffer = view(base, SIZE);
    }

    private static long allocate(long bytes) {
        long address = Native.malloc(bytes);
        if (address == 0) {
            throw new OutOfMemoryError("malloc(" + bytes + ") failed");
        }
        return address;
    }

    private static ByteBuffer view(long address, long bytes) {
        return new Pointer(address).getByteBuffer(0, bytes).order(ByteOrder.nativeOrder());
    }

    /** The address of {@code offset}, to pass to NVML. */
    long at(int offset) {
        return base + offset;
    }

    int getInt(int offset) {
        return buffer.getInt(offset);
    }

    long getLong(int offset) {
        return buffer.getLong(offset);
    }

    void setInt(int offset, int value) {
        buffer.putInt(offset, value);
    }

    void setLong(int offset, long value) {
        buffer.putLong(offset, value);
    }

    double getDouble(int offset) {
        return buffer.getDouble(offset);
    }

    /** The NUL-terminated text NVML wrote at {@code offset}, never reading past {@code max} bytes. */
    String text(int offset, int max) {
        int length = 0;
        while (length < max && buffer.get(offset + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        buffer.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Records of a list call: where NVML writes them, and a view to read them back. */
    record Records(long address, ByteBuffer view) {
    }

    /** A list buffer of at least {@code bytes}: the built-in region, or a new one freed on close. */
    Records listBuffer(long bytes) {
        if (bytes <= LIST_BYTES) {
            return new Records(base + LIST, buffer.slice(LIST, LIST_BYTES).order(ByteOrder.nativeOrder()));
        }
        long address = allocate(bytes);
        extra.add(address);
        return new Records(address, view(address, bytes));
    }

    @Override
    public void close() {
        for (long address : extra) {
            Native.free(address);
        }
        Native.free(base);
    }
}
