package org.oversight.risk;

import java.util.Arrays;
import java.util.List;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.oversight.shared.Text;
import org.oversight.shared.CsvTable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published Kent registers (classpath demo/risk/, see its SOURCES.md): the Corporate Risk
 * Register of December 2017 and the Adult Social Care and Health register of 2019, loaded
 * through the same reader as any register file. Blank cells stay missing.
 */
@Component
class RiskDemoData implements SmartInitializingSingleton {

    private final boolean enabled;
    private final RegisterRepository registers;
    private final RiskRepository risks;
    private final TransactionTemplate transaction;

    RiskDemoData(@Value("${oversight.demo:true}") boolean enabled, RegisterRepository registers, RiskRepository risks, TransactionTemplate transaction) {
        this.enabled = enabled;
        this.registers = registers;
        this.risks = risks;
        this.transaction = transaction;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (enabled && registers.none()) {
            transaction.executeWithoutResult(s -> load());
        }
    }

    private void load() {
        each("registers.csv", r -> registers.insert(new Register(null, r.required("code"), r.required("name"),
                r.text("parent").isEmpty() ? null : registers.find(r.text("parent")).orElseThrow().id(),
                Register.Level.valueOf(r.required("level")), Text.orNull(r.text("unit")), RiskMatrix.DEFAULT, 0)));
        try (Reader in = reader("risks.csv")) {
            for (RiskRow row : RiskRegisterCsv.read(in, RiskMatrix.DEFAULT).rows()) {
                Risk risk = new Risk(null, row.id(), registers.find(row.register()).orElseThrow().id(), row.title(), List.of(),
                        row.cause(), row.event(), row.consequence(), row.owners(),
                        row.cabinetMember() == null ? List.of() : Arrays.stream(row.cabinetMember().split(";")).map(String::strip).toList(),
                        List.of(), row.current(), row.target(), null, row.previousScore(), row.publishedDirection(), row.lastReview(),
                        row.nextReview(), null, null, 0);
                risks.insert(risk);
                risks.recordLoaded(risk, "The published register");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        each("controls.csv", r -> risks.addControl(risks.get(r.required("risk_id")).id(), r.required("title"), Text.orNull(r.text("owner"))));
        each("actions.csv", r -> risks.addAction(risks.get(r.required("risk_id")).id(), r.required("title"), Text.orNull(r.text("owner")),
                type(r.text("type")), Text.orNull(r.text("planned_completion")), r.date("due"),
                r.text("status").toLowerCase().contains("complete")));
    }

    private static String type(String t) {
        String s = t.strip().toLowerCase();
        return s.startsWith("a") ? "ACCEPTED" : s.startsWith("p") ? "PROPOSED" : null;
    }

    private static Reader reader(String file) throws IOException {
        return new InputStreamReader(new ClassPathResource("demo/risk/" + file).getInputStream(), StandardCharsets.UTF_8);
    }

    private static void each(String file, Consumer<CsvTable.Row> action) {
        CsvTable.resource("demo/risk/" + file).forEach(action);
    }

}
