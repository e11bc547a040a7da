package dev.lobbygovernor.docker.internal;

import dev.lobbygovernor.docker.DockerEngineException;
import dev.lobbygovernor.docker.DockerEngineException.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Parses a whole HTTP/1.1 reply read to the end of its connection: status, headers, body. */
final class HttpReply {

    private HttpReply() {
    }

    static DockerEngine.Reply parse(byte[] raw) throws DockerEngineException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new DockerEngineException(Kind.PROTOCOL, "the Docker engine's reply ended inside its headers ("
                    + raw.length + " bytes)", null);
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        int status;
        try {
            status = Integer.parseInt(statusLine[1]);
        } catch (RuntimeException e) {
            throw new DockerEngineException(Kind.PROTOCOL, "the Docker engine answered no HTTP status line", e);
        }
        boolean chunked = false;
        int length = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            // header names are case-insensitive
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("content-length")) {
                length = Integer.parseInt(value);
            }
        }
        int start = end + 4;
        byte[] body;
        if (chunked) {
            body = dechunk(raw, start);
        } else {
            int n = length >= 0 ? Math.min(length, raw.length - start) : raw.length - start;
            body = java.util.Arrays.copyOfRange(raw, start, start + n);
        }
        return new DockerEngine.Reply(status, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] raw, int at) throws DockerEngineException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int pos = at;
        while (true) {
            int lineEnd = indexOf(raw, crlf, pos);
            if (lineEnd < 0) {
                throw new DockerEngineException(Kind.PROTOCOL, "the Docker engine's chunked reply was cut short", null);
            }
            String sizeText = new String(raw, pos, lineEnd - pos, StandardCharsets.US_ASCII);
            int semicolon = sizeText.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new DockerEngineException(Kind.PROTOCOL, "the Docker engine sent a bad chunk size", e);
            }
            if (size == 0) {
                return out.toByteArray();
            }
            int dataStart = lineEnd + 2;
            if (dataStart + size > raw.length) {
                throw new DockerEngineException(Kind.PROTOCOL, "the Docker engine's chunked reply was cut short", null);
            }
            out.write(raw, dataStart, size);
            pos = dataStart + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i <= data.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
