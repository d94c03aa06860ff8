package org.oversight.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScoreCommandTest {

    @Test
    void printsTheSpecJsonForAScorecardFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("card.csv");
        Files.writeString(file, """
                ref,title,polarity,value,target,floor,previous,outturn,published_rag
                12,Contacts,H,60.7,85.0,76.5,60.7,,
                7,Admissions,L,137,130,,101,137,GREEN
                1,People supported,,38053,,,38433,,
                """);
        JsonNode json = JsonMapper.builder().build().readTree(ScoreCommand.run(file));

        JsonNode first = json.get("indicators").get(0);
        assertThat(first.get("ref").asString()).isEqualTo("12");
        assertThat(first.get("rag").asString()).isEqualTo("RED");
        assertThat(first.get("dot_previous").asString()).isEqualTo("SAME");
        assertThat(first.get("dot_outturn").isNull()).isTrue();
        assertThat(first.get("reason").asString()).isEqualTo("60.7 is below the floor 76.5 (target 85.0, higher is better)");
        assertThat(json.get("indicators").get(1).get("dot_previous").asString()).isEqualTo("WORSENED");
        assertThat(json.get("indicators").get(1).get("dot_outturn").asString()).isEqualTo("SAME");

        assertThat(json.at("/summary/rag/RED").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/rag/AMBER").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/rag/NOT_RATED").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/rag/GREEN").asInt()).isZero();
        assertThat(json.at("/summary/dot_previous/SAME").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/dot_previous/WORSENED").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/dot_outturn/SAME").asInt()).isEqualTo(1);

        assertThat(json.get("mismatches")).hasSize(1);
        assertThat(json.at("/mismatches/0/ref").asString()).isEqualTo("7");
        assertThat(json.at("/mismatches/0/published").asString()).isEqualTo("GREEN");
        assertThat(json.at("/mismatches/0/computed").asString()).isEqualTo("AMBER");
    }
}
