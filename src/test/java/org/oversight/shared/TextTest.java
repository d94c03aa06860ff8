package org.oversight.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTest {

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
            "line one\\u000bline two | line one\\nline two | a word processor's line break is a line break",
            "page\\u000cbreak | page\\nbreak | so is a page break",
            "bell\\u0007 and escape\\u001b[31m | bell and escape[31m | other control characters go",
            "  padded\\ttab  | padded\\ttab | tabs stay, the ends are stripped"})
    void pastedTextKeepsItsLinesAndLosesItsControlCharacters(String typed, String kept, String why) {
        assertThat(Text.orNull(unescape(typed))).as(why).isEqualTo(unescape(kept));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'   '", "\\u0007", "''"})
    void blankOrOnlyControlCharactersIsNothing(String typed) {
        assertThat(Text.orNull(unescape(typed))).isNull();
    }

    private static String unescape(String s) {
        return s.replace("\\u000b", "\u000b").replace("\\u000c", "\u000c").replace("\\u0007", "\u0007").replace("\\u001b", "\u001b").replace("\\n", "\n")
                .replace("\\t", "\t");
    }
}
