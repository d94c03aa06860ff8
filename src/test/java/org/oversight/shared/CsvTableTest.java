package org.oversight.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void matchesHeadersIgnoringCaseSpacesAndTheByteOrderMark() {
        CsvTable t = CsvTable.read(new StringReader("\uFEFF Ref ,VALUE\nA,1\n"), Set.of("ref", "value"), Set.of("ref"));
        assertThat(t.rows()).hasSize(1);
        assertThat(t.rows().get(0).text("ref")).isEqualTo("A");
        assertThat(t.rows().get(0).text("value")).isEqualTo("1");
        assertThat(t.warnings()).isEmpty();
    }

    @Test
    void passesOverTheRowsOfEmptyCellsASpreadsheetLeavesAfterItsLastRow() {
        CsvTable t = CsvTable.read(new StringReader("ref,value\nA,1\n,\n , \nB,2\n,,\n"), Set.of("ref", "value"), Set.of("ref"));
        assertThat(t.rows()).extracting(r -> r.required("ref")).containsExactly("A", "B");
    }

    @Test
    void warnsAboutUnknownColumnsAndIgnoresThem() {
        CsvTable t = CsvTable.read(new StringReader("ref,colour\nA,blue\n"), Set.of("ref"), Set.of("ref"));
        assertThat(t.warnings()).containsExactly("Unknown column 'colour' ignored");
    }

    @Test
    void namesTheMissingRequiredColumn() {
        assertThatThrownBy(() -> CsvTable.read(new StringReader("title\nx\n"), Set.of("ref", "title"), Set.of("ref")))
                .isInstanceOf(InputException.class).hasMessage("Row 1, column ref: required column is missing from the header");
    }

    @Test
    void aBadNumberNamesItsRowAndColumn() {
        CsvTable t = CsvTable.read(new StringReader("ref,value\nA,1\nB,\"1,2\"\n"), Set.of("ref", "value"), Set.of("ref"));
        assertThatThrownBy(() -> t.rows().get(1).decimal("value"))
                .isInstanceOf(InputException.class).hasMessage("Row 3, column value: '1,2' is not a number");
    }
}
