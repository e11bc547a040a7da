package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The edges of what counts as a CSV header: field names and units. */
class CsvTest {

    @Test
    void aFieldNameMayHoldEveryLetterDigitUnderscoreAndPoint() {
        assertThat(Csv.header("aAzZ09_.x, Zz [MiB]")).contains(List.of(
                new Csv.Column("aAzZ09_.x", ""), new Csv.Column("Zz", "MiB")));
    }

    @Test
    void aFieldNameWithACharacterJustOutsideThoseRangesIsNoHeader() {
        for (String name : new String[] {"a`", "z{", "A@", "Z[", "a/", "a:", "a-b", "9lives"}) {
            assertThat(Csv.header("name, " + name)).as(name).isEmpty();
        }
    }

    @Test
    void aUnitWithABracketACommaOrAControlCharacterIsNoHeader() {
        assertThat(Csv.header("memory.total [MiB]")).contains(List.of(new Csv.Column("memory.total", "MiB")));
        assertThat(Csv.header("memory.total [M[iB]")).isEmpty();
        assertThat(Csv.header("memory.total [Mi]B]")).isEmpty();
        assertThat(Csv.header("memory.total [M\u0007iB]")).isEmpty();
        assertThat(Csv.header("memory.total []")).isEmpty();
        assertThat(Csv.header("memory.total [MiB")).isEmpty();
    }

    @Test
    void linesAreNumberedFromOneSkippingBlankOnes() {
        assertThat(Csv.lines("a\r\n\n  \nb")).containsExactly(new Csv.Line(1, "a"), new Csv.Line(4, "b"));
        assertThat(Csv.lines("a\n")).containsExactly(new Csv.Line(1, "a"));
        assertThat(Csv.lines("")).isEmpty();
    }

    @Test
    void aLineThatStartsWithAnEmptyLineOrAnEmptyCellKeepsThem() {
        assertThat(Csv.lines("\nb")).containsExactly(new Csv.Line(2, "b"));
        assertThat(Csv.cells(",a")).containsExactly("", "a");
        assertThat(Csv.cells("a,")).containsExactly("a", "");
    }
}
