package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What one nvidia-smi cell says, and the edges of reading it as a number. */
class CellTest {

    @Test
    void absentTokensAreAbsentInAnyCaseBracketedOrNot() {
        assertThat(Cell.of(" [N/A] ").kind()).isEqualTo(Cell.Kind.ABSENT);
        assertThat(Cell.of("N/A").kind()).isEqualTo(Cell.Kind.ABSENT);
        assertThat(Cell.of("[Not Supported]").kind()).isEqualTo(Cell.Kind.ABSENT);
        assertThat(Cell.of("[Unknown Error]").kind()).isEqualTo(Cell.Kind.ERROR);
        assertThat(Cell.of("[GPU requires reset]").kind()).isEqualTo(Cell.Kind.UNRECOGNISED);
    }

    @Test
    void anUnclosedBracketIsAValueNotAToken() {
        assertThat(Cell.of("[abc")).isEqualTo(new Cell(Cell.Kind.VALUE, "[abc"));
        assertThat(Cell.of(" 42 ")).isEqualTo(new Cell(Cell.Kind.VALUE, "42"));
    }

    @Test
    void aWholeNumberOfEighteenDigitsIsReadAndOfNineteenIsNot() {
        assertThat(Cell.of("1".repeat(18)).whole("", Long.MAX_VALUE)).isEqualTo(111_111_111_111_111_111L);
        assertThat(Cell.of("1".repeat(19)).whole("", Long.MAX_VALUE)).isNull();
    }

    @Test
    void aWholeNumberAtItsMaximumIsReadAndOneAboveIsNot() {
        assertThat(Cell.of("100").whole("", 100)).isEqualTo(100L);
        assertThat(Cell.of("101").whole("", 100)).isNull();
    }

    @Test
    void aValueUnitIsAcceptedWhenKnownOrWhenItIsTheColumnsOwn() {
        assertThat(Cell.of("8192 MiB").whole("", Long.MAX_VALUE)).isEqualTo(8192L);
        assertThat(Cell.of("8192 MiB").whole("MiB", Long.MAX_VALUE)).isEqualTo(8192L);
        assertThat(Cell.of("8 GiB").whole("", Long.MAX_VALUE)).as("unknown unit, no column unit").isNull();
        assertThat(Cell.of("8192 MiB").whole("GiB", Long.MAX_VALUE)).as("another unit than the column's").isNull();
    }

    @Test
    void aDecimalNeedsDigitsOnBothSidesOfItsPoint() {
        assertThat(Cell.of("111.50 W").decimal("")).isEqualTo(111.5);
        assertThat(Cell.of("7").decimal("W")).isEqualTo(7.0);
        assertThat(Cell.of(".5").decimal("")).isNull();
        assertThat(Cell.of("5.").decimal("")).isNull();
        assertThat(Cell.of("5.5.5").decimal("")).isNull();
        assertThat(Cell.of("").decimal("")).isNull();
    }

    @Test
    void aDecimalOfThirtyTwoCharactersIsReadAndOfThirtyThreeIsNot() {
        assertThat(Cell.of("1".repeat(30) + ".5").decimal("")).isNotNull();
        assertThat(Cell.of("1".repeat(31) + ".5").decimal("")).isNull();
    }
}
