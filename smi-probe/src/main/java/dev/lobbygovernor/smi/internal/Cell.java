package dev.lobbygovernor.smi.internal;

import java.util.Locale;
import java.util.Set;

/**
 * What one CSV cell of nvidia-smi says: a value, a bracketed "no value" token, or a bracketed
 * error token. Numbers are read strictly (digits, an optional fraction where allowed, an
 * optional unit) so that garbage is reported rather than guessed at.
 *
 * @param kind what the cell holds
 * @param text the cell, trimmed
 */
public record Cell(Kind kind, String text) {

    /** What a cell holds. */
    public enum Kind {
        /** A value to read. */
        VALUE,
        /** nvidia-smi says the value does not exist here ({@code [N/A]}, {@code [Not Supported]}, …). */
        ABSENT,
        /** nvidia-smi says reading the value failed ({@code [Unknown Error]}). */
        ERROR,
        /** A bracketed token this parser does not know; treated as a failure, not as "absent". */
        UNRECOGNISED
    }

    /**
     * Tokens that mean "no value". {@code [Insufficient Permissions]} is here, not an error: the
     * device answers, it just withholds this one field from an unprivileged caller.
     */
    private static final Set<String> ABSENT_TOKENS = Set.of(
            "[n/a]", "n/a", "[not supported]", "[insufficient permissions]",
            "[requested functionality has been deprecated]");

    private static final String UNKNOWN_ERROR = "[unknown error]";

    /** Units nvidia-smi writes after values when the header names none. */
    private static final Set<String> KNOWN_UNITS = Set.of("MiB", "%", "W", "MHz", "C");

    /**
     * Reads a raw cell.
     *
     * @param raw the cell as split from its line
     * @return what the cell holds, its text trimmed
     */
    public static Cell of(String raw) {
        String text = raw.strip();
        if (!text.startsWith("[") && !text.equalsIgnoreCase("n/a")) {
            return new Cell(Kind.VALUE, text); // the common case: no token to look up
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (ABSENT_TOKENS.contains(lower)) {
            return new Cell(Kind.ABSENT, text);
        }
        if (lower.equals(UNKNOWN_ERROR)) {
            return new Cell(Kind.ERROR, text);
        }
        if (text.startsWith("[") && text.endsWith("]")) {
            return new Cell(Kind.UNRECOGNISED, text);
        }
        return new Cell(Kind.VALUE, text);
    }

    /**
     * The cell as a whole number no larger than {@code max}, in the column's unit; {@code null}
     * if it is not one ({@code "8192"} and {@code "8192 MiB"} are; {@code "8192 GiB"} under a
     * {@code [MiB]} header is not).
     *
     * @param columnUnit the unit the header names, or empty
     * @param max the largest value accepted
     * @return the number, or {@code null}
     */
    public Long whole(String columnUnit, long max) {
        String digits = withoutUnit(columnUnit);
        if (digits == null || digits.isEmpty() || digits.length() > 18 || !allDigits(digits, 0, digits.length())) {
            return null;
        }
        long value = Long.parseLong(digits);
        return value <= max ? value : null;
    }

    /**
     * The cell as a non-negative decimal, such as {@code "111.50 W"}.
     *
     * @param columnUnit the unit the header names, or empty
     * @return the number, or {@code null} if the cell is not one
     */
    public Double decimal(String columnUnit) {
        String number = withoutUnit(columnUnit);
        if (number == null || number.isEmpty() || number.length() > 32) {
            return null;
        }
        int dot = number.indexOf('.');
        boolean ok = dot < 0
                ? allDigits(number, 0, number.length())
                : dot > 0 && dot < number.length() - 1 && allDigits(number, 0, dot)
                        && allDigits(number, dot + 1, number.length());
        return ok ? Double.parseDouble(number) : null;
    }

    private String withoutUnit(String columnUnit) {
        int space = text.lastIndexOf(' ');
        if (space < 0) {
            return text;
        }
        String unit = text.substring(space + 1);
        boolean expected = columnUnit.isEmpty() ? KNOWN_UNITS.contains(unit) : unit.equals(columnUnit);
        return expected ? text.substring(0, space).strip() : null;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
