package org.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream stdout;
    private PrintStream stderr;

    @BeforeEach
    void capture() {
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void scorePrintsOnlyJsonOnStandardOutput(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("card.csv"), "ref,title,polarity,value,target,colour\n1,A,H,5,4,red\n");
        assertThat(Launcher.run(new String[] {"score", file.toString()}, OversightApplication.class)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).startsWith("{").endsWith("}");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown column 'colour' ignored");
    }

    @Test
    void aBadFileGoesToStandardErrorWithANonZeroExit(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("card.csv"), "ref,title,value\n1,A,12\n2,B,lots\n");
        assertThat(Launcher.run(new String[] {"score", file.toString()}, OversightApplication.class)).isNotZero();
        assertThat(out.size()).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 3, column value: 'lots' is not a number");
    }

    @Test
    void helpListsEveryCommandAndAnUnknownOneIsAUsageError() {
        assertThat(Launcher.run(new String[] {"--help"}, OversightApplication.class)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("serve", "score", "--port", "--data", "--database-url");
        assertThat(Launcher.run(new String[] {"frobnicate"}, OversightApplication.class)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'");
    }

    @Test
    void aMissingValueAnUnknownOptionOrABadNumberIsAUsageErrorInTheWordsScriptsKnow(@TempDir Path dir) throws Exception {
        Path budget = Files.writeString(dir.resolve("budget.csv"), "heading,cash_limit,variance\nA,10,1\n");
        assertThat(Launcher.run(new String[] {"--port"}, OversightApplication.class)).isEqualTo(2);
        assertThat(Launcher.run(new String[] {"serve", "--port", "8080", "--verbose"}, OversightApplication.class)).isEqualTo(2);
        assertThat(Launcher.run(new String[] {"budget", budget.toString(), "--threshold", "ten"}, OversightApplication.class)).isEqualTo(2);
        assertThat(Launcher.run(new String[] {"budget", budget.toString(), "--threshold", "-5"}, OversightApplication.class)).isEqualTo(2);
        assertThat(Launcher.run(new String[] {"restore"}, OversightApplication.class)).isEqualTo(2);
        assertThat(Launcher.run(new String[] {"audit", "--period", "2019-01", "card.csv"}, OversightApplication.class)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("oversight: --port needs a value\nUsage: oversight [COMMAND] [OPTIONS]",
                "oversight: unknown option '--verbose' for serve", "--threshold takes a number, such as 100, not 'ten'", "--threshold is a size: 0 or more",
                "usage: oversight restore FILE [--data DIR | --database-url URL ...]",
                "usage: oversight audit --period YYYY-MM [--scope NAME] [--kind dashboard|qpr|exceptions|risks]");
        assertThat(out.size()).isZero();
    }

    @Test
    void aReportWithoutItsPeriodOrFileIsAUsageErrorBeforeAnyDatabaseStarts() {
        assertThat(Launcher.run(new String[] {"report", "dashboard", "--out", "x.pdf"}, OversightApplication.class)).isEqualTo(2);
        assertThat(Launcher.run(new String[] {"report", "dashboard", "--period", "2019-01"}, OversightApplication.class)).isEqualTo(2);
        assertThat(Launcher.run(new String[] {"audit", "--period", "January"}, OversightApplication.class)).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: oversight report dashboard|qpr|exceptions|risks --period YYYY-MM", "--period January is not a month");
    }

    @Test
    void delaysAndUpliftPrintJsonOrNameTheBadCellOrTheMissingOption(@TempDir Path dir) throws Exception {
        Path delays = Files.writeString(dir.resolve("delays.csv"), "organisation,period,nhs,social_care,both\nTrust,2019-01,291,35,0\n");
        assertThat(Launcher.run(new String[] {"delays", delays.toString(), "--population", "1173300"}, OversightApplication.class)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"per_100k\" : 0.9");
        Path rates = Files.writeString(dir.resolve("rates.csv"), "id,item,current,basis\nmeal,Hot meal,4.00,CPI\n");
        assertThat(Launcher.run(new String[] {"uplift", rates.toString(), "--pay", "2.8"}, OversightApplication.class)).as("CPI missing").isEqualTo(2);
        assertThat(Launcher.run(new String[] {"uplift", rates.toString(), "--pay", "2.8", "--cpi", "2.4"}, OversightApplication.class)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"new\" : 4.10");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "organisation,period,nhs,social_care,both\nTrust,2019-01,291,-35,0\n");
        assertThat(Launcher.run(new String[] {"delays", bad.toString()}, OversightApplication.class)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("row 2, column social_care");
    }
}
