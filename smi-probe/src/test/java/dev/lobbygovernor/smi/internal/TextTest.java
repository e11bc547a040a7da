package dev.lobbygovernor.smi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Quoting untrusted tool output. */
class TextTest {

    @Test
    void theFirstLineIsTheFirstNonBlankOneTrimmed() {
        assertThat(Text.firstLine("\nabc\ndef")).isEqualTo("abc");
        assertThat(Text.firstLine("  \r\n  x y \n z")).isEqualTo("x y");
        assertThat(Text.firstLine("last")).isEqualTo("last");
        assertThat(Text.firstLine("\n \n")).isEmpty();
    }

    @Test
    void aQuoteOfExactlyTheLimitIsWholeAndOneCharacterMoreIsCut() {
        String limit = "x".repeat(Text.QUOTE_LIMIT);
        assertThat(Text.quote(limit)).isEqualTo("'" + limit + "'");
        assertThat(Text.quote(limit + "yz")).isEqualTo("'" + limit + "… (2 more characters)'");
        assertThat(Text.quote("a\u0000b\uFFFD")).isEqualTo("'a?b?'");
    }
}
