package dev.lobbygovernor.smi.internal;

import dev.lobbygovernor.core.gpu.ProbeException;
import dev.lobbygovernor.core.gpu.ProbeFailureCause;
import dev.lobbygovernor.smi.SmiFailureClassifier;
import dev.lobbygovernor.smi.SmiFieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One nvidia-smi CSV answer read by header name: any column order, extra columns, units in the
 * header or in the values. Typed field reads record soft failures of optional fields and throw
 * a {@link ProbeException} for everything else.
 */
public final class SmiTable {

    /**
     * A data line and its cells, one per header column.
     *
     * @param line the line as read, with its number
     * @param cells its cells, one per header column
     */
    public record Row(Csv.Line line, List<String> cells) {
    }

    private final String source;
    private final String text;
    private final List<Csv.Column> columns;
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private SmiTable(String source, String text, List<Csv.Column> columns) {
        this.source = source;
        this.text = text;
        this.columns = columns;
        for (int i = columns.size() - 1; i >= 0; i--) {
            positions.put(columns.get(i).name(), i); // the first of duplicate columns wins
        }
    }

    /**
     * Parses the header and splits the data lines.
     *
     * @param text everything nvidia-smi printed on stdout
     * @param source the probe's name, for errors
     * @param required fields the header must name
     * @param freeTextColumn a column whose values may themselves contain ", " (a process name);
     *     surplus cells on a line are joined back into it. May be {@code null}.
     * @return the table
     * @throws ProbeException if the output is empty, has no CSV header, lacks a required field,
     *     or a line has the wrong number of cells (a known failure text is classified as such)
     */
    public static SmiTable parse(String text, String source, List<String> required, String freeTextColumn)
            throws ProbeException {
        List<Csv.Line> lines = Csv.lines(text);
        if (lines.isEmpty()) {
            throw new ProbeException(source, ProbeFailureCause.MALFORMED_OUTPUT,
                    "nvidia-smi printed nothing; expected a CSV header and one line per GPU.", Text.raw(text));
        }
        Csv.Line first = lines.get(0);
        List<Csv.Column> header = Csv.header(first.text()).orElse(null);
        if (header == null) {
            throw SmiFailureClassifier.recognize(source, text).orElseGet(() -> new ProbeException(source,
                    ProbeFailureCause.MALFORMED_OUTPUT, "nvidia-smi output does not start with a CSV header "
                            + "(run it with --format=csv, without noheader); line 1 is " + Text.quote(first.text()),
                    Text.raw(text)));
        }
        SmiTable table = new SmiTable(source, text, header);
        for (String field : required) {
            if (!table.has(field)) {
                throw table.malformed("the CSV header lacks the required field '" + field + "': "
                        + Text.quote(first.text()));
            }
        }
        Integer freeText = freeTextColumn == null ? null : table.positions.get(freeTextColumn);
        for (Csv.Line line : lines.subList(1, lines.size())) {
            List<String> split = Csv.cells(line.text());
            List<String> cells = freeText != null && split.size() > header.size()
                    ? joinSurplus(split, freeText, split.size() - header.size()) : split;
            if (cells.size() != header.size()) {
                throw SmiFailureClassifier.recognize(source, line.text()).orElseGet(() -> table.malformed(
                        "line " + line.number() + " has " + cells.size() + " fields where the header has "
                                + header.size() + " (truncated or garbled output): " + Text.quote(line.text())));
            }
            table.rows.add(new Row(line, cells));
        }
        return table;
    }

    /**
     * The data lines, in order.
     *
     * @return the rows
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Whether the header names a field.
     *
     * @param field the field as nvidia-smi names it (e.g. {@code memory.total})
     * @return true if the header has that column
     */
    public boolean has(String field) {
        return positions.containsKey(field);
    }

    /**
     * A text field: empty when the column is missing or the value absent; an error token is
     * recorded in {@code errors}, or thrown if the field is required.
     *
     * @param row the row
     * @param field the field
     * @param required whether an error token or absence fails the whole reading
     * @param gpu the GPU's index, for the recorded error
     * @param errors where soft failures of optional fields are recorded
     * @return the value, or an empty string
     * @throws ProbeException if a required field reads an error token
     */
    public String text(Row row, String field, boolean required, int gpu, List<SmiFieldError> errors)
            throws ProbeException {
        Cell cell = cell(row, field);
        if (cell == null || !usable(cell, row, field, required, gpu, errors)) {
            return "";
        }
        return cell.text();
    }

    /**
     * A whole-number field no larger than {@code max}.
     *
     * @param row the row
     * @param field the field
     * @param max the largest plausible value
     * @param required whether an error token or absence fails the whole reading
     * @param gpu the GPU's index, for the recorded error
     * @param errors where soft failures of optional fields are recorded
     * @return the value, or {@code null} when missing or absent
     * @throws ProbeException if the value is not a number in range, or a required field fails
     */
    public Long whole(Row row, String field, long max, boolean required, int gpu, List<SmiFieldError> errors)
            throws ProbeException {
        Cell cell = cell(row, field);
        if (cell == null || !usable(cell, row, field, required, gpu, errors)) {
            return null;
        }
        Long value = cell.whole(unit(field), max);
        if (value == null) {
            throw notANumber(row, field, cell);
        }
        return value;
    }

    /**
     * A decimal field.
     *
     * @param row the row
     * @param field the field
     * @param required whether an error token or absence fails the whole reading
     * @param gpu the GPU's index, for the recorded error
     * @param errors where soft failures of optional fields are recorded
     * @return the value, or {@code null} when missing or absent
     * @throws ProbeException if the value is not a number, or a required field fails
     */
    public Double decimal(Row row, String field, boolean required, int gpu, List<SmiFieldError> errors)
            throws ProbeException {
        Cell cell = cell(row, field);
        if (cell == null || !usable(cell, row, field, required, gpu, errors)) {
            return null;
        }
        Double value = cell.decimal(unit(field));
        if (value == null) {
            throw notANumber(row, field, cell);
        }
        return value;
    }

    /**
     * An int-sized whole-number field.
     *
     * @param row the row
     * @param field the field
     * @param required whether an error token or absence fails the whole reading
     * @param gpu the GPU's index, for the recorded error
     * @param errors where soft failures of optional fields are recorded
     * @return the value, or {@code null} when missing or absent
     * @throws ProbeException if the value is not a whole number in int range, or a required field fails
     */
    public Integer integer(Row row, String field, boolean required, int gpu, List<SmiFieldError> errors)
            throws ProbeException {
        Long value = whole(row, field, Integer.MAX_VALUE, required, gpu, errors);
        return value == null ? null : value.intValue();
    }

    /**
     * The error for output that cannot be parsed, quoting this table's raw text.
     *
     * @param message what is wrong
     * @return the exception, cause {@code MALFORMED_OUTPUT}
     */
    public ProbeException malformed(String message) {
        return new ProbeException(source, ProbeFailureCause.MALFORMED_OUTPUT, "Could not parse nvidia-smi output: "
                + message, Text.raw(text));
    }

    private Cell cell(Row row, String field) {
        Integer at = positions.get(field);
        return at == null ? null : Cell.of(row.cells().get(at));
    }

    private String unit(String field) {
        return columns.get(positions.get(field)).unit();
    }

    private boolean usable(Cell cell, Row row, String field, boolean required, int gpu,
            List<SmiFieldError> errors) throws ProbeException {
        switch (cell.kind()) {
            case VALUE:
                return true;
            case ABSENT:
                return false;
            default:
                if (required) {
                    throw fieldFailed(row, field, cell, gpu);
                }
                errors.add(new SmiFieldError(gpu, field, cell.text()));
                return false;
        }
    }

    private ProbeException fieldFailed(Row row, String field, Cell cell, int gpu) {
        ProbeFailureCause cause = SmiFailureClassifier.causeOf(cell.text()).orElse(
                cell.kind() == Cell.Kind.ERROR ? ProbeFailureCause.UNKNOWN : ProbeFailureCause.MALFORMED_OUTPUT);
        String what = cell.kind() == Cell.Kind.ERROR ? "an error" : "a token this library does not know";
        return new ProbeException(source, cause, "nvidia-smi could not read the required field '" + field
                + "' of GPU " + gpu + ": it printed " + what + ", " + Text.quote(cell.text()) + ", on line "
                + row.line().number() + ". The reading is unusable.", Text.raw(text));
    }

    private ProbeException notANumber(Row row, String field, Cell cell) {
        String unit = unit(field);
        return malformed("line " + row.line().number() + ": '" + field + "' is " + Text.quote(cell.text())
                + ", not a number" + (unit.isEmpty() ? "" : " of " + unit) + ": " + Text.quote(row.line().text()));
    }

    private static List<String> joinSurplus(List<String> cells, int at, int surplus) {
        List<String> out = new ArrayList<>(cells.subList(0, at));
        out.add(String.join(", ", cells.subList(at, at + surplus + 1)));
        out.addAll(cells.subList(at + surplus + 1, cells.size()));
        return out;
    }
}
