package org.oversight.risk;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Register files (the risk register CSV) loaded into a register: every row checked, then all of it written, or none. */
@Service
class RegisterImport {

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    private final RegisterRepository registers;
    private final RiskRepository risks;
    private final RiskOwners owners;
    private final ApplicationEventPublisher events;

    RegisterImport(RegisterRepository registers, RiskRepository risks, RiskOwners owners, ApplicationEventPublisher events) {
        this.registers = registers;
        this.risks = risks;
        this.owners = owners;
        this.events = events;
    }

    record Loaded(int risks, List<String> warnings) {
    }

    /**
     * Loads a register file: every row checked first (register, ratings on that register's matrix),
     * then all of it written in one transaction. A risk already known by its code is updated; a
     * file never reopens a closed risk or moves one between registers (the web's closure and
     * escalation do that, with their records). The audit record has each risk before and after,
     * and the file's name, size and SHA-256.
     */
    @Transactional
    Loaded load(String registerCode, byte[] content, String fileName) {
        if (content.length > MAX_FILE_BYTES) {
            throw new InputException("file", String.format("the file is %.1f MB and a register file can be at most 10 MB", content.length / 1048576.0));
        }
        Register into = registers.get(registerCode);
        RiskRegisterCsv.Register parsed = RiskRegisterCsv.read(new StringReader(new String(content, StandardCharsets.UTF_8)),
                into.matrix());
        Map<String, Register> byName = new LinkedHashMap<>();
        for (Register g : registers.all()) {
            byName.put(g.code(), g);
            byName.put(g.name(), g);
        }
        int row = 1;
        List<Map<String, Object>> changes = new ArrayList<>();
        for (RiskRow r : parsed.rows()) {
            row++;
            Register g = r.register() == null ? into : byName.get(r.register());
            if (g == null) {
                throw new InputException(row, "register", "there is no register '" + r.register() + "'");
            }
            Text.bounded("title", r.title(), Text.NAME);
            owners.check(row, r.owners());
            check(row, g.matrix(), r.current(), "current");
            if (r.target() != null) {
                check(row, g.matrix(), r.target(), "target");
            }
            Risk existing = risks.find(r.id()).orElse(null);
            if (existing != null && !existing.open()) {
                throw new InputException(row, "id", r.id() + " was closed on " + existing.closedOn() + " (" + existing.closedReason()
                        + "): a file does not reopen a risk");
            }
            if (existing != null && existing.registerId() != g.id()) {
                throw new InputException(row, "register", r.id() + " is in " + registers.get(existing.registerId()).name()
                        + ": move it by escalating or de-escalating it on its page, which records who moved it and why");
            }
            Risk risk = new Risk(existing == null ? null : existing.id(), r.id(), g.id(), r.title(), existing == null ? List.of() : existing.riskTypes(),
                    r.cause(), r.event(), r.consequence(), r.owners(),
                    r.cabinetMember() == null ? List.of() : List.of(r.cabinetMember().split(";")).stream().map(String::strip).toList(),
                    existing == null ? List.of() : existing.indicatorRefs(), r.current(), r.target(), existing == null ? null : existing.inherent(),
                    r.previousScore(), r.publishedDirection(),
                    r.lastReview(), r.nextReview(), null, null, existing == null ? 0 : existing.version());
            if (existing == null) {
                risks.insert(risk);
            } else {
                risks.update(risk);
            }
            risks.recordLoaded(risk, "Register file " + Objects.requireNonNullElse(fileName, "(unnamed)"));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("code", r.id());
            change.put("before", existing);
            change.put("after", risks.get(r.id()));
            changes.add(change);
        }
        events.publishEvent(new RegisterLoaded(registerCode, into.name(), Objects.requireNonNullElse(fileName, ""), content.length,
                DigestUtils.sha256Hex(content), changes));
        return new Loaded(parsed.rows().size(), parsed.warnings());
    }


    private static void check(int row, RiskMatrix m, Rating r, String which) {
        try {
            RegisterMatrices.fit(m, r);
        } catch (InputException e) {
            throw new InputException(row, which + "_" + e.field(), e.problem());
        }
    }
}
