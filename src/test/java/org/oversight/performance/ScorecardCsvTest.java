package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.oversight.shared.InputException;

class ScorecardCsvTest {

    private static final String FILE = """
            Ref , TITLE,polarity,value,target,floor,tolerance,previous,outturn,published_rag,data_period,unit,numerator,denominator,section,notes
            12,"Contacts, resolved",H,60.7%,85.0,76.5,,60.7,,R,Month,%,,,"CHILD PROTECTION",x
            7,Admissions,lower,137,130,,,140,"1,254",GREEN,Month,count,,,,
            1,People supported,,"38,053",N/A,,,,,,Snapshot,count,,,,
            T1,Near target,T,101,100,120,2,,,,,,3,4,,
            """;

    @Test
    void readsTheSpecLayoutInAnyColumnOrder() {
        ScorecardCsv.Scorecard card = ScorecardCsv.read(new StringReader(FILE));
        assertThat(card.rows()).extracting(ScorecardRow::ref).containsExactly("12", "7", "1", "T1");
        ScorecardRow first = card.rows().get(0);
        assertThat(first.title()).isEqualTo("Contacts, resolved");
        assertThat(first.polarity()).isEqualTo(Polarity.HIGHER);
        assertThat(first.value()).isEqualTo(new BigDecimal("60.7"));
        assertThat(first.publishedRag()).isEqualTo(Rag.RED);
        assertThat(card.rows().get(1).outturn()).isEqualTo(new BigDecimal("1254"));
        assertThat(card.rows().get(2).target()).isNull();
        assertThat(card.rows().get(3).tolerance()).isEqualTo(new BigDecimal("2"));
        assertThat(card.warnings()).containsExactly("Unknown column 'notes' ignored");
    }

    @Test
    void aFileWrittenReadsBackUnchanged() {
        List<ScorecardRow> rows = ScorecardCsv.read(new StringReader(FILE)).rows();
        StringBuilder once = new StringBuilder();
        ScorecardCsv.write(rows, once);
        List<ScorecardRow> again = ScorecardCsv.read(new StringReader(once.toString())).rows();
        assertThat(again).isEqualTo(rows);
        StringBuilder twice = new StringBuilder();
        ScorecardCsv.write(again, twice);
        assertThat(twice.toString()).isEqualTo(once.toString());
    }

    @Test
    void theXlsxLayoutReadsBackUnchangedToo() {
        List<ScorecardRow> rows = ScorecardCsv.read(new StringReader(FILE)).rows();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScorecardXlsx.write(rows, out);
        assertThat(ScorecardXlsx.read(new ByteArrayInputStream(out.toByteArray())).rows()).isEqualTo(rows);
    }

    @Test
    void aBadCellNamesItsRowAndColumn() {
        String bad = "ref,title,value\n1,A,10\n2,B,ten\n";
        assertThatThrownBy(() -> ScorecardCsv.read(new StringReader(bad)))
                .isInstanceOf(InputException.class).hasMessage("Row 3, column value: 'ten' is not a number");
    }

    @Test
    void rejectsDuplicateRefsUnknownPolaritiesAndRatings() {
        assertThatThrownBy(() -> ScorecardCsv.read(new StringReader("ref,title\n1,A\n1,B\n")))
                .hasMessage("Row 3, column ref: '1' appears more than once in the file");
        assertThatThrownBy(() -> ScorecardCsv.read(new StringReader("ref,title,polarity\n1,A,up\n")))
                .hasMessage("Row 2, column polarity: 'up' is not a polarity: use H, L or T");
        assertThatThrownBy(() -> ScorecardCsv.read(new StringReader("ref,title,published_rag\n1,A,BLUE\n")))
                .hasMessage("Row 2, column published_rag: 'BLUE' is not a rating: use G, A or R");
        assertThatThrownBy(() -> ScorecardCsv.read(new StringReader("ref,title\n,A\n")))
                .hasMessage("Row 2, column ref: a value is required");
    }
}
