package dev.lobbygovernor.smi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shape of nvidia-smi's CSV, without meaning: lines, a header of field names with optional
 * units, and cells. Every method is a single left-to-right scan, so parsing time stays linear in
 * the input however it is malformed.
 */
public final class Csv {

    private Csv() {
    }

    /**
     * A header column. {@code memory.total [MiB]} is the name {@code memory.total} with the unit
     * {@code MiB}; a column without a unit has an empty unit.
     *
     * @param name the field name, as in {@code --query-gpu}
     * @param unit the unit in square brackets after it, or empty
     */
    public record Column(String name, String unit) {
    }

    /**
     * A non-blank line of the input.
     *
     * @param number its 1-based line number
     * @param text the line without its line terminator
     */
    public record Line(int number, String text) {
    }

    /**
     * The non-blank lines. Accepts LF and CRLF endings (nvidia-smi on Windows writes CRLF) and a
     * leading byte-order mark.
     *
     * @param text the whole output
     * @return the non-blank lines with their 1-based numbers
     */
    public static List<Line> lines(String text) {
        List<Line> out = new ArrayList<>();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int number = 1;
        int n = text.length();
        while (start <= n) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int stop = end;
            while (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            if (!isBlank(text, start, stop)) {
                out.add(new Line(number, text.substring(start, stop)));
            }
            number++;
            start = end + 1;
        }
        return out;
    }

    /**
     * The cells of a line: separated by commas (nvidia-smi writes ", "), each trimmed.
     *
     * @param line one line
     * @return its cells, at least one
     */
    public static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            if (comma < 0) {
                out.add(line.substring(start).strip());
                return out;
            }
            out.add(line.substring(start, comma).strip());
            start = comma + 1;
        }
    }

    /**
     * The line read as a header, or empty if it is not one. A header cell is a field name
     * (letters, digits, {@code _} and {@code .}) optionally followed by a space and a unit in
     * square brackets, such as {@code power.draw [W]}.
     *
     * @param line the first line of the output
     * @return its columns, or empty if it is not a header
     */
    public static Optional<List<Column>> header(String line) {
        List<Column> columns = new ArrayList<>();
        for (String cell : cells(line)) {
            Column column = column(cell);
            if (column == null) {
                return Optional.empty();
            }
            columns.add(column);
        }
        return Optional.of(columns);
    }

    private static Column column(String cell) {
        String name = cell;
        String unit = "";
        int bracket = cell.indexOf(" [");
        if (bracket >= 0) {
            if (!cell.endsWith("]")) {
                return null;
            }
            name = cell.substring(0, bracket);
            unit = cell.substring(bracket + 2, cell.length() - 1);
            if (unit.isEmpty() || !isUnit(unit)) {
                return null;
            }
        }
        return isFieldName(name) ? new Column(name, unit) : null;
    }

    private static boolean isFieldName(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUnit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == ']' || c == ',' || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
