package org.oversight.risk;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.oversight.platform.Account;
import org.oversight.platform.Accounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.Role;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and their risks: views, reviews, escalation and closure, imports. Every change is audited. */
@Service
class Registers {

    private final RiskStore store;
    private final CurrentUser user;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;

    Registers(RiskStore store, CurrentUser user, ApplicationEventPublisher events, Accounts accounts) {
        this.store = store;
        this.user = user;
        this.events = events;
        this.accounts = accounts;
    }

    Register register(String code) {
        return store.register(code).orElseThrow(() -> new NotFoundException("There is no risk register " + code));
    }

    /** A register as a committee reads it: its risks, profile, heat maps and action status. */
    record View(Register register, List<Risk> risks, Map<RiskMatrix.Level, Integer> currentProfile,
                Map<RiskMatrix.Level, Integer> targetProfile, int[][] currentHeat, int[][] targetHeat,
                LocalDate actionsDueBy, int actionsCompleted, int actionsOutstanding, int actionsOverdue, int reviewsOverdue,
                Map<Long, List<Risk.Action>> actions) {
    }

    View view(String code, LocalDate dueBy) {
        Register g = register(code);
        List<Risk> risks = store.risks(g.id(), false);
        RiskMatrix m = g.matrix();
        Map<RiskMatrix.Level, Integer> current = zeros();
        Map<RiskMatrix.Level, Integer> target = zeros();
        int[][] ch = new int[m.size()][m.size()];
        int[][] th = new int[m.size()][m.size()];
        LocalDate today = LocalDate.now();
        int reviewsOverdue = 0;
        for (Risk r : risks) {
            current.merge(m.band(r.current().score()), 1, Integer::sum);
            if (r.current().hasLevels()) {
                ch[r.current().likelihood() - 1][r.current().impact() - 1]++;
            }
            if (r.target() != null) {
                target.merge(m.band(r.target().score()), 1, Integer::sum);
                if (r.target().hasLevels()) {
                    th[r.target().likelihood() - 1][r.target().impact() - 1]++;
                }
            }
            reviewsOverdue += r.reviewOverdue(today) ? 1 : 0;
        }
        Map<Long, List<Risk.Action>> actions = store.actionsByRisk(g.id());
        int completed = 0, outstanding = 0, overdue = 0;
        for (List<Risk.Action> list : actions.values()) {
            for (Risk.Action a : list) {
                if (dueBy != null && (a.due() == null || a.due().isAfter(dueBy))) {
                    continue;
                }
                if (a.completed()) {
                    completed++;
                } else {
                    outstanding++;
                    overdue += a.overdue(today) ? 1 : 0;
                }
            }
        }
        return new View(g, risks, current, target, ch, th, dueBy, completed, outstanding, overdue, reviewsOverdue, actions);
    }

    static Map<RiskMatrix.Level, Integer> zeros() {
        Map<RiskMatrix.Level, Integer> m = new EnumMap<>(RiskMatrix.Level.class);
        for (RiskMatrix.Level l : RiskMatrix.Level.values()) {
            m.put(l, 0);
        }
        return m;
    }

    /** Risk owners review only their own risks; the risk team reviews any. */
    boolean mayReview(Risk r) {
        return user.has(Role.RISK_TEAM)
                || (user.has(Role.RISK_OWNER) && (r.owners().contains(user.displayName()) || r.owners().contains(user.name())));
    }

    /** A review: new ratings on the register's matrix, the direction since the last one, the next review date. */
    @Transactional
    Risk review(String code, Integer cl, Integer ci, Integer tl, Integer ti, String comment, LocalDate next, int version) {
        return review(code, cl, ci, tl, ti, comment, next, false, version);
    }

    /** With {@code contextChanged} the risk's circumstances changed so much that its old score is no comparison (** in the papers). */
    @Transactional
    Risk review(String code, Integer cl, Integer ci, Integer tl, Integer ti, String comment, LocalDate next, boolean contextChanged, int version) {
        Risk r = store.get(code);
        if (!mayReview(r)) {
            throw new AccessDeniedException("Only the risk's owners or the risk team may review " + code + ".");
        }
        if (!r.open()) {
            throw new InputException("risk", code + " was closed on " + r.closedOn() + ": it is no longer reviewed");
        }
        RiskMatrix m = store.register(r.registerId()).matrix();
        if (cl == null || ci == null) {
            throw new InputException(cl == null ? "currentLikelihood" : "currentImpact", "give the current likelihood and impact");
        }
        Rating current = m.rate(cl, ci);
        if ((tl == null) != (ti == null)) {
            throw new InputException(tl == null ? "targetLikelihood" : "targetImpact", "give both the target likelihood and impact, or neither");
        }
        Rating target = tl == null ? r.target() : m.rate(tl, ti);
        LocalDate today = LocalDate.now();
        LocalDate nextReview = next != null ? next : today.plusMonths(3);
        if (!nextReview.isAfter(today)) {
            throw new InputException("nextReview", "the next review must be after today");
        }
        if (nextReview.isAfter(today.plusYears(2))) {
            throw new InputException("nextReview", "the next review must be within two years");
        }
        Text.bounded("comment", comment, Text.LONG);
        RiskDirection direction = contextChanged ? RiskDirection.CONTEXT_CHANGED : RiskDirection.between(r.current().score(), current.score());
        store.update(r.reviewed(current, target, contextChanged ? direction : null, today, nextReview, version));
        store.addReview(r.id(), new Risk.Review(today, user.displayName(), current, target, direction, blank(comment), nextReview), r.current().score());
        Risk after = store.get(code);
        events.publishEvent(new RiskReviewed(code, r.current().score(), current.score(), direction, r, after));
        return after;
    }

    /** Moves a risk to another register, keeping its code; up the hierarchy is an escalation, down a de-escalation. */
    @Transactional
    Risk move(String code, String toRegister, String reason, int version) {
        if (reason == null || reason.isBlank()) {
            throw new InputException("reason", "say why the risk moves");
        }
        Text.bounded("reason", reason, Text.LONG);
        Risk r = store.get(code);
        Register from = store.register(r.registerId());
        Register to = register(toRegister);
        if (to.id().equals(from.id())) {
            throw new InputException("register", code + " is already in " + to.name());
        }
        String kind = ancestor(to, from) ? "ESCALATED" : ancestor(from, to) ? "DE_ESCALATED" : "MOVED";
        store.update(r.movedTo(to.id(), version));
        store.addMovement(r.id(), from.id(), to.id(), kind, user.displayName(), reason.strip());
        Risk after = store.get(code);
        events.publishEvent(new RiskEscalated(code, from.name(), to.name(), RiskEscalated.Kind.valueOf(kind), reason.strip(), r, after));
        return after;
    }

    static final List<String> RISK_TYPES = List.of("Financial", "Operational", "Strategic", "Political", "Reputational", "Legal", "Technological");

    /** A register under a parent (none for the corporate register), on the default matrix until changed. */
    @Transactional
    Register createRegister(String code, String name, String parentCode, Register.Level level) {
        if (code == null || !code.strip().matches("[A-Za-z][A-Za-z0-9_-]{1,19}")) {
            throw new InputException("code", "a register code is 2 to 20 letters, digits, - or _, starting with a letter");
        }
        if (name == null || name.isBlank()) {
            throw new InputException("name", "enter the register's name");
        }
        Text.bounded("name", name, Text.NAME);
        if (level == null) {
            throw new InputException("level", "choose corporate, directorate, division or project");
        }
        if (store.register(code.strip()).isPresent()) {
            throw new InputException("code", "a register " + code.strip() + " already exists");
        }
        Register parent = parentCode == null || parentCode.isBlank() ? null : register(parentCode.strip());
        if ((parent == null) != (level == Register.Level.CORPORATE)) {
            throw new InputException("parent", level == Register.Level.CORPORATE ? "the corporate register has no parent"
                    : "a " + level.name().toLowerCase() + " register sits under another register: choose its parent");
        }
        store.insertRegister(new Register(null, code.strip(), name.strip(), parent == null ? null : parent.id(), level, RiskMatrix.DEFAULT, 0));
        Register created = register(code.strip());
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk-register", created.code(), "Register " + created.name() + " created", null, created));
        return created;
    }

    /** An action or a control added to a risk by the risk team or one of its owners. */
    @Transactional
    void addAction(String code, String title, String owner, String type, String planned, LocalDate due) {
        Risk r = store.get(code);
        if (!mayReview(r)) {
            throw new AccessDeniedException("Only the risk's owners or the risk team may change " + code + ".");
        }
        if (title == null || title.isBlank()) {
            throw new InputException("actionTitle", "describe the action");
        }
        Text.bounded("actionTitle", title, Text.LONG);
        Text.bounded("actionOwner", owner, Text.NAME);
        Text.bounded("planned", planned, Text.LONG);
        store.addAction(r.id(), title.strip(), blank(owner), type, blank(planned), due, false);
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk-action", code, "Action added to " + code + ": " + title.strip(), null,
                Map.of("title", title.strip(), "owner", Objects.requireNonNullElse(owner, ""), "due", String.valueOf(due))));
    }

    @Transactional
    void completeAction(String code, long actionId, int version) {
        Risk r = store.get(code);
        if (!mayReview(r)) {
            throw new AccessDeniedException("Only the risk's owners or the risk team may change " + code + ".");
        }
        Risk.Action a = store.actions(r.id()).stream().filter(x -> x.id() == actionId).findFirst()
                .orElseThrow(() -> new NotFoundException("Risk " + code + " has no action " + actionId));
        store.completeAction(actionId, version);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "risk-action", code, "Action of " + code + " completed: " + a.title(), a, null));
    }

    @Transactional
    void addControl(String code, String title, String owner) {
        Risk r = store.get(code);
        if (!mayReview(r)) {
            throw new AccessDeniedException("Only the risk's owners or the risk team may change " + code + ".");
        }
        if (title == null || title.isBlank()) {
            throw new InputException("controlTitle", "describe the control");
        }
        Text.bounded("controlTitle", title, Text.LONG);
        Text.bounded("controlOwner", owner, Text.NAME);
        store.addControl(r.id(), title.strip(), blank(owner));
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk-control", code, "Control added to " + code + ": " + title.strip(), null,
                Map.of("title", title.strip(), "owner", Objects.requireNonNullElse(owner, ""))));
    }

    /** A new risk in a register, rated on that register's matrix. */
    @Transactional
    Risk create(String registerCode, String code, String title, List<String> types, String cause, String event, String consequence,
                List<String> owners, List<String> cabinetMembers, List<String> indicatorRefs, Integer cl, Integer ci, Integer tl, Integer ti,
                Integer il, Integer ii) {
        Register g = register(registerCode);
        if (code == null || !code.strip().matches("[A-Za-z][A-Za-z0-9 ._-]{1,19}")) {
            throw new InputException("code", "a risk code is 2 to 20 letters and digits starting with a letter, such as CRR0042");
        }
        if (store.risk(code.strip()).isPresent()) {
            throw new InputException("code", "a risk " + code.strip() + " already exists: codes are kept for life and never reused");
        }
        if (title == null || title.isBlank()) {
            throw new InputException("title", "enter a title");
        }
        Text.bounded("title", title, Text.NAME);
        Text.bounded("cause", cause, Text.LONG);
        Text.bounded("event", event, Text.LONG);
        Text.bounded("consequence", consequence, Text.LONG);
        for (String o : owners) {
            Text.bounded("owners", o, Text.NAME);
        }
        if (owners.isEmpty()) {
            throw new InputException("owners", "name at least one risk owner");
        }
        for (String t : types) {
            if (!RISK_TYPES.contains(t)) {
                throw new InputException("types", "'" + t + "' is not a risk type: use " + String.join(", ", RISK_TYPES));
            }
        }
        if (cl == null || ci == null) {
            throw new InputException(cl == null ? "currentLikelihood" : "currentImpact", "give the current likelihood and impact");
        }
        Rating current = g.matrix().rate(cl, ci);
        if ((tl == null) != (ti == null)) {
            throw new InputException(tl == null ? "targetLikelihood" : "targetImpact", "give both the target likelihood and impact, or neither");
        }
        Rating target = tl == null ? null : g.matrix().rate(tl, ti);
        if ((il == null) != (ii == null)) {
            throw new InputException(il == null ? "inherentLikelihood" : "inherentImpact", "give both the inherent likelihood and impact, or neither");
        }
        Rating inherent = il == null ? null : g.matrix().rate(il, ii);
        checkOwners(null, owners);
        LocalDate today = LocalDate.now();
        store.insert(new Risk(null, code.strip(), g.id(), title.strip(), types, blank(cause), blank(event), blank(consequence), owners,
                cabinetMembers, indicatorRefs, current, target, inherent, null, RiskDirection.NEW, today, today.plusMonths(3), null, null, 0));
        Risk created = store.get(code.strip());
        events.publishEvent(new Audited(Audited.Action.CREATE, "risk", created.code(), "Risk " + created.code() + " created in " + g.name(),
                null, created));
        return created;
    }

    /**
     * Changes a register's matrix. Nothing is re-rated silently: every risk must still fit, and the
     * risks whose band changes are listed in the audit record of the change.
     */
    @Transactional
    List<String> changeMatrix(String registerCode, RiskMatrix matrix, int version) {
        Register g = register(registerCode);
        List<String> rebanded = new ArrayList<>();
        for (Risk r : store.risks(g.id(), true)) {
            for (Rating rating : Arrays.asList(r.current(), r.target())) {
                if (rating == null) {
                    continue;
                }
                try {
                    if (rating.hasLevels()) {
                        matrix.rate(rating.likelihood(), rating.impact());
                    } else {
                        matrix.rateScore(rating.score());
                    }
                } catch (InputException e) {
                    throw new InputException("matrix", r.code() + " is rated " + rating.score() + ", which the new matrix cannot hold: " + e.problem());
                }
            }
            if (g.matrix().band(r.current().score()) != matrix.band(r.current().score())) {
                rebanded.add(r.code() + " " + g.matrix().band(r.current().score()) + " to " + matrix.band(r.current().score()));
            }
        }
        store.updateMatrix(g.id(), matrix, version);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "risk-register", registerCode, "Matrix of " + g.name() + " changed; "
                + (rebanded.isEmpty() ? "no risk changes band" : rebanded.size() + " risks re-rated: " + String.join(", ", rebanded)),
                g.matrix(), matrix));
        return rebanded;
    }

    /** Is {@code a} above {@code b} in the hierarchy? */
    private boolean ancestor(Register a, Register b) {
        for (Long p = b.parentId(); p != null; p = store.register(p).parentId()) {
            if (p.equals(a.id())) {
                return true;
            }
        }
        return false;
    }

    @Transactional
    Risk close(String code, String reason, int version) {
        if (reason == null || reason.isBlank()) {
            throw new InputException("reason", "say why the risk is closed");
        }
        Text.bounded("reason", reason, Text.LONG);
        Risk r = store.get(code);
        store.update(r.closed(LocalDate.now(), reason.strip(), version));
        Risk after = store.get(code);
        events.publishEvent(new RiskClosed(code, reason.strip(), r, after));
        return after;
    }

    static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

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
        Register into = register(registerCode);
        RiskRegisterCsv.Register parsed = RiskRegisterCsv.read(new StringReader(new String(content, StandardCharsets.UTF_8)),
                into.matrix());
        Map<String, Register> registers = new LinkedHashMap<>();
        for (Register g : store.registers()) {
            registers.put(g.code(), g);
            registers.put(g.name(), g);
        }
        int row = 1;
        List<Map<String, Object>> changes = new ArrayList<>();
        for (RiskRow r : parsed.rows()) {
            row++;
            Register g = r.register() == null ? into : registers.get(r.register());
            if (g == null) {
                throw new InputException(row, "register", "there is no register '" + r.register() + "'");
            }
            Text.bounded("title", r.title(), Text.NAME);
            checkOwners(row, r.owners());
            check(row, g.matrix(), r.current(), "current");
            if (r.target() != null) {
                check(row, g.matrix(), r.target(), "target");
            }
            Risk existing = store.risk(r.id()).orElse(null);
            if (existing != null && !existing.open()) {
                throw new InputException(row, "id", r.id() + " was closed on " + existing.closedOn() + " (" + existing.closedReason()
                        + "): a file does not reopen a risk");
            }
            if (existing != null && existing.registerId() != g.id()) {
                throw new InputException(row, "register", r.id() + " is in " + store.register(existing.registerId()).name()
                        + ": move it by escalating or de-escalating it on its page, which records who moved it and why");
            }
            Risk risk = new Risk(existing == null ? null : existing.id(), r.id(), g.id(), r.title(), existing == null ? List.of() : existing.riskTypes(),
                    r.cause(), r.event(), r.consequence(), r.owners(),
                    r.cabinetMember() == null ? List.of() : List.of(r.cabinetMember().split(";")).stream().map(String::strip).toList(),
                    existing == null ? List.of() : existing.indicatorRefs(), r.current(), r.target(), existing == null ? null : existing.inherent(),
                    r.previousScore(), r.publishedDirection(),
                    r.lastReview(), r.nextReview(), null, null, existing == null ? 0 : existing.version());
            if (existing == null) {
                store.insert(risk);
            } else {
                store.update(risk);
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("code", r.id());
            change.put("before", existing);
            change.put("after", store.get(r.id()));
            changes.add(change);
        }
        events.publishEvent(new RegisterLoaded(registerCode, into.name(), Objects.requireNonNullElse(fileName, ""), content.length,
                HexFormat.of().formatHex(sha256(content)), changes));
        return new Loaded(parsed.rows().size(), parsed.warnings());
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An owner must be someone Oversight knows: a user (by name or username) or an owner already
     * named in a register, so a mistyped name never creates an owner nobody can act as.
     */
    private void checkOwners(Integer row, List<String> owners) {
        if (owners.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>(store.owners());
        for (Account a : accounts.all()) {
            known.add(a.displayName());
            known.add(a.username());
        }
        for (String o : owners) {
            if (!known.contains(o)) {
                throw new InputException(row, row == null ? "owners" : "owner", "'" + o + "' is not a known risk owner or user: add them as a user first");
            }
        }
    }

    private static void check(int row, RiskMatrix m, Rating r, String which) {
        try {
            if (r.hasLevels()) {
                m.rate(r.likelihood(), r.impact());
            } else {
                m.rateScore(r.score());
            }
        } catch (InputException e) {
            throw new InputException(row, which + "_" + e.field(), e.problem());
        }
    }

    /** The register's risks in the interchange format, for export. */
    List<RiskRow> rows(String registerCode) {
        Register g = register(registerCode);
        return store.risks(g.id(), false).stream().map(r -> new RiskRow(r.code(), r.title(), g.code(), r.owners(),
                r.cabinetMembers().isEmpty() ? null : String.join("; ", r.cabinetMembers()), r.cause(), r.event(), r.consequence(),
                r.current(), r.target(), r.previousScore(), r.publishedDirection(), r.lastReview(), r.nextReview())).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
