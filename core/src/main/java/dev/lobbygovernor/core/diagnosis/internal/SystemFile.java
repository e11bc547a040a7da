package dev.lobbygovernor.core.diagnosis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A bounded read of one system file. Only regular files are opened (a fifo in place of a
 * {@code /proc} file would block the open forever), and at most a cap of bytes is read
 * ({@code /proc} files report size 0, so the size cannot be trusted beforehand).
 */
sealed interface SystemFile {

    /** Caps for the small text files: {@code /proc/...}, {@code devices.list}. */
    int TEXT_CAP = 64 * 1024;

    /** The file was read whole. */
    record Content(byte[] bytes) implements SystemFile {
        String text() {
            // malformed bytes become U+FFFD: garbage is shown, never thrown
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Nothing at that path. */
    record Absent() implements SystemFile {
    }

    /** Something there that could not be read as a file; {@code why} completes "… because it ...". */
    record Unreadable(String why) implements SystemFile {
    }

    /**
     * Reads {@code path}, at most {@code cap} bytes.
     *
     * @param path the file
     * @param cap the most bytes a legitimate file of this kind holds
     * @return its content, absent, or why it could not be read
     */
    static SystemFile read(Path path, int cap) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Absent();
        } catch (IOException | RuntimeException e) {
            return new Unreadable(describe(e));
        }
        if (!attributes.isRegularFile()) {
            return new Unreadable(attributes.isDirectory() ? "is a directory" : "is not a regular file");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(cap + 1);
            if (bytes.length > cap) {
                return new Unreadable("is larger than " + cap + " bytes");
            }
            return new Content(bytes);
        } catch (IOException | RuntimeException e) {
            return new Unreadable(describe(e));
        }
    }

    /** An I/O failure in a few words: the kernel's reason where there is one. */
    static String describe(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
