package org.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.shared.InputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RiskRegisterCsvTest {

    private static final String HEADER = "id,title,register,owner,current_likelihood,current_impact,current_score,target_likelihood,target_impact,target_score,previous_score,direction,last_review\n";

    private static RiskRegisterCsv.Register read(String body) {
        return RiskRegisterCsv.read(new StringReader(HEADER + body), RiskMatrix.DEFAULT);
    }

    @Test
    void readsLevelsWithTheirLabelsAndScoresWithTheirBandLetter() {
        RiskRow r = read("CRR0002,Safeguarding,Corporate,A Person; B Person,Likely (4),Major (5),H20,Possible (3),5,,20,↔,2017-11-30\n").rows().get(0);
        assertThat(r.current()).isEqualTo(new Rating(4, 5, 20));
        assertThat(r.target()).isEqualTo(new Rating(3, 5, 15));
        assertThat(r.owners()).containsExactly("A Person", "B Person");
        assertThat(r.publishedDirection()).isEqualTo(RiskDirection.SAME);
        assertThat(r.direction()).isEqualTo(RiskDirection.SAME);
        assertThat(r.lastReview()).hasToString("2017-11-30");
        RiskRow scoreOnly = read("AH0004,Something,,,,,High 16,,,,,,\n").rows().get(0);
        assertThat(scoreOnly.current()).isEqualTo(new Rating(null, null, 16));
        assertThat(scoreOnly.target()).isNull();
    }

    @Test
    void badRatingsNameTheirRowAndColumn() {
        assertThatThrownBy(() -> read("A,ok,,,2,2,4,,,,,,\nB,bad,,,4,5,16,,,,,,\n")).isInstanceOf(InputException.class)
                .hasMessage("Row 3, column current_score: 16 disagrees with likelihood 4 × impact 5 = 20");
        assertThatThrownBy(() -> read("A,bad,,,6,5,,,,,,,\n"))
                .hasMessage("Row 2, column current_likelihood: likelihood 6 is outside the matrix: it runs from 1 to 5");
        assertThatThrownBy(() -> read("A,bad,,,,,13,,,,,,\n"))
                .hasMessage("Row 2, column current_score: 13 is not a score this 5 × 5 matrix can give (a product of likelihood and impact)");
        assertThatThrownBy(() -> read("A,bad,,,,,,3,3,,,,\n"))
                .hasMessage("Row 2, column current_score: a risk needs a current rating: likelihood and impact, or a score");
        assertThatThrownBy(() -> read("A,bad,,,3,,,,,,,,\n")).hasMessageContaining("column current_impact: give both");
        assertThatThrownBy(() -> read("A,bad,,,3,3,,,,,,up,\n")).hasMessageContaining("column direction");
        assertThatThrownBy(() -> read("A,bad,,,3,3,,,,,,,2019-02-30\n")).hasMessage("Row 2, column last_review: '2019-02-30' is not a date: write it as 31 March 2019 or 2019-03-31");
        assertThatThrownBy(() -> read("A,bad,,,3,3,,,,,,,2200-01-01\n")).hasMessageContaining("Row 2, column last_review: '2200-01-01' is not a date Oversight keeps");
    }

    @Test
    void aReviewDateIsReadAsADateBoxReadsIt() {
        assertThat(read("A,ok,,,3,3,,,,,,,14/02/2019\nB,ok,,,3,3,,,,,,,14 February 2019\n").rows()).extracting(RiskRow::lastReview)
                .containsOnly(LocalDate.of(2019, 2, 14));
    }

    @Test
    void aRegisterWrittenReadsBackUnchanged() {
        List<RiskRow> rows = read("CRR0002,\"=Safeguarding, children\",Corporate,A; B,4,5,,3,5,,20,↔,2017-11-30\nAH0004,X,,,,,16,,,,,NEW,\n").rows();
        StringBuilder out = new StringBuilder();
        RiskRegisterCsv.write(rows, out);
        assertThat(out.toString()).contains("'=Safeguarding");
        assertThat(RiskRegisterCsv.read(new StringReader(out.toString()), RiskMatrix.DEFAULT).rows()).isEqualTo(rows);
    }

    @Test
    void riskProfilePrintsTheSpecJson(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("r.csv"), HEADER + "CRR0002,Safeguarding,,,4,5,,3,5,,20,,\nAH0004,X,,,,,16,,,,,,\nL1,Low,,,1,2,,,,,,,\n");
        JsonNode json = JsonMapper.builder().build().readTree(RiskProfileCommand.run(file));
        assertThat(json.at("/risks/0/current/band").asString()).isEqualTo("HIGH");
        assertThat(json.at("/risks/0/target/score").asInt()).isEqualTo(15);
        assertThat(json.at("/risks/0/direction").asString()).isEqualTo("SAME");
        assertThat(json.at("/risks/1/current/likelihood").isNull()).isTrue();
        assertThat(json.at("/risks/1/target").isNull()).isTrue();
        assertThat(json.at("/risks/1/direction").isNull()).isTrue();
        assertThat(json.at("/profile/current/HIGH").asInt()).isEqualTo(2);
        assertThat(json.at("/profile/current/LOW").asInt()).isEqualTo(1);
        assertThat(json.at("/profile/target/MEDIUM").asInt()).isEqualTo(1);
        assertThat(json.at("/profile/target/LOW").asInt()).isZero();
        assertThat(json.at("/heatmap/3/4").asInt()).isEqualTo(1);
        assertThat(json.at("/heatmap/0/1").asInt()).isEqualTo(1);
        assertThat(json.get("heatmap").size()).isEqualTo(5);
    }
}
