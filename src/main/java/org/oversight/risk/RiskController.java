package org.oversight.risk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.LineChart;
import org.oversight.platform.Role;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RiskController {

    private final Registers registers;
    private final RiskStore store;
    private final CurrentUser user;

    RiskController(Registers registers, RiskStore store, CurrentUser user) {
        this.registers = registers;
        this.store = store;
        this.user = user;
    }

    @GetMapping("/risks")
    String registers(Model model) {
        List<Registers.View> views = new ArrayList<>();
        for (Register g : store.registers()) {
            views.add(registers.view(g.code(), null));
        }
        model.addAttribute("views", views);
        model.addAttribute("levels", Register.Level.values());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "risk/registers";
    }

    @GetMapping("/risks/registers/{code}")
    String register(@PathVariable String code, @RequestParam(required = false) String dueBy, Model model) {
        model.addAttribute("v", registers.view(code, date(dueBy, "dueBy")));
        model.addAttribute("levels", RiskMatrix.Level.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("riskTeam", user.has(Role.RISK_TEAM));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "risk/register";
    }

    @GetMapping("/risks/registers/{code}/export.csv")
    ResponseEntity<byte[]> export(@PathVariable String code) {
        StringBuilder out = new StringBuilder();
        RiskRegisterCsv.write(registers.rows(code), out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"risk-register-" + code + ".csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/risks/registers/{code}/import")
    String load(@PathVariable String code, @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InputException("file", "choose a register file to load");
            }
            int n = registers.load(code, file.getBytes(), file.getOriginalFilename()).risks();
            redirect.addFlashAttribute("notice", "Loaded " + n + " risks from " + file.getOriginalFilename() + ".");
        } catch (InputException e) {
            redirect.addFlashAttribute("importError", e.getMessage() + " Nothing was loaded.");
        }
        return "redirect:/risks/registers/" + code;
    }

    @PostMapping("/risks/registers")
    String createRegister(@RequestParam Map<String, String> p, RedirectAttributes redirect) {
        try {
            Register g = registers.createRegister(p.get("code"), p.get("name"), p.get("parent"),
                    p.getOrDefault("level", "").isBlank() ? null : Register.Level.valueOf(p.get("level")));
            return "redirect:/risks/registers/" + g.code();
        } catch (InputException e) {
            FormErrors errors = new FormErrors();
            errors.add(e);
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/risks";
        }
    }

    @PostMapping("/risks/registers/{code}/matrix")
    String matrix(@PathVariable String code, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        try {
            Register g = registers.register(code);
            int low = Integer.parseInt(p.getOrDefault("lowUpTo", "").strip());
            int medium = Integer.parseInt(p.getOrDefault("mediumUpTo", "").strip());
            RiskMatrix m = g.matrix();
            RiskMatrix changed = new RiskMatrix(m.size(), m.likelihoodLabels(), m.impactLabels(), List.of(
                    new RiskMatrix.Band(RiskMatrix.Level.LOW, low, m.colour(RiskMatrix.Level.LOW)),
                    new RiskMatrix.Band(RiskMatrix.Level.MEDIUM, medium, m.colour(RiskMatrix.Level.MEDIUM)),
                    new RiskMatrix.Band(RiskMatrix.Level.HIGH, m.size() * m.size(), m.colour(RiskMatrix.Level.HIGH))));
            List<String> rebanded = registers.changeMatrix(code, changed, Integer.parseInt(p.getOrDefault("version", "0")));
            redirect.addFlashAttribute("notice", "Bands changed. " + (rebanded.isEmpty() ? "No risk changes band."
                    : "Re-rated (recorded in the audit trail): " + String.join(", ", rebanded) + "."));
        } catch (NumberFormatException e) {
            errors.add("lowUpTo", "Give each cut-off as a whole number");
        } catch (InputException e) {
            errors.add(e);
        } catch (ConflictException e) {
            errors.add("form", e.getMessage());
        }
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/risks/registers/" + code;
    }

    @GetMapping("/risks/registers/{code}/new")
    String newRisk(@PathVariable String code, Model model) {
        model.addAttribute("g", registers.register(code));
        model.addAttribute("types", Registers.RISK_TYPES);
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("typed", Map.of());
        return "risk/new";
    }

    @PostMapping("/risks/registers/{code}/new")
    String create(@PathVariable String code, @RequestParam Map<String, String> p, @RequestParam(required = false) List<String> types, Model model) {
        FormErrors errors = new FormErrors();
        try {
            Risk r = registers.create(code, p.get("code"), p.get("title"), types == null ? List.of() : types, p.get("cause"), p.get("event"),
                    p.get("consequence"), split(p.get("owners")), split(p.get("cabinetMembers")), split(p.get("indicatorRefs")),
                    level(p, "currentLikelihood", errors), level(p, "currentImpact", errors), level(p, "targetLikelihood", errors),
                    level(p, "targetImpact", errors), level(p, "inherentLikelihood", errors), level(p, "inherentImpact", errors));
            return "redirect:/risks/" + r.code();
        } catch (InputException e) {
            errors.add(e);
        }
        model.addAttribute("g", registers.register(code));
        model.addAttribute("types", Registers.RISK_TYPES);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", p);
        return "risk/new";
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[;\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @GetMapping("/risks/{code}")
    String risk(@PathVariable String code, Model model) {
        Risk r = store.get(code);
        Register g = store.register(r.registerId());
        List<Risk.Review> reviews = store.reviews(r.id());
        model.addAttribute("r", r);
        model.addAttribute("g", g);
        model.addAttribute("m", g.matrix());
        model.addAttribute("controls", store.controls(r.id()));
        model.addAttribute("actions", store.actions(r.id()));
        model.addAttribute("reviews", reviews);
        model.addAttribute("movements", store.movements(r.id()));
        model.addAttribute("registers", store.registers());
        model.addAttribute("mayReview", registers.mayReview(r));
        model.addAttribute("riskTeam", user.has(Role.RISK_TEAM));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("chart", chart(r, reviews));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "risk/risk";
    }

    private static String chart(Risk r, List<Risk.Review> reviews) {
        List<String> labels = new ArrayList<>();
        List<BigDecimal> current = new ArrayList<>();
        List<BigDecimal> target = new ArrayList<>();
        for (Risk.Review v : reviews) {
            labels.add(v.reviewedOn().toString());
            current.add(BigDecimal.valueOf(v.current().score()));
            target.add(v.target() == null ? null : BigDecimal.valueOf(v.target().score()));
        }
        if (reviews.isEmpty()) {
            labels.add(r.lastReview() == null ? "as loaded" : r.lastReview().toString());
            current.add(BigDecimal.valueOf(r.current().score()));
            target.add(r.target() == null ? null : BigDecimal.valueOf(r.target().score()));
        }
        return LineChart.svg(r.code() + " rating over time", "Current and target score at each review; the reviews are listed below.", labels,
                List.of(new LineChart.Series("Current score", current, "#d4351c", null), new LineChart.Series("Target score", target, "#00703c", "6 4")));
    }

    @PostMapping("/risks/{code}/review")
    String review(@PathVariable String code, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        return act(code, "", redirect, errors, "Review of " + code + " saved.", () -> registers.review(code,
                level(p, "currentLikelihood", errors), level(p, "currentImpact", errors), level(p, "targetLikelihood", errors),
                level(p, "targetImpact", errors), p.get("comment"), date(p.get("nextReview"), "nextReview"), p.containsKey("contextChanged"),
                Integer.parseInt(p.getOrDefault("version", "0"))));
    }

    @PostMapping("/risks/{code}/move")
    String move(@PathVariable String code, @RequestParam String register, @RequestParam(required = false) String reason,
                @RequestParam int version, RedirectAttributes redirect) {
        return act(code, "", redirect, new FormErrors(), code + " moved; it keeps its code.", () -> registers.move(code, register, reason, version));
    }

    @PostMapping("/risks/{code}/close")
    String close(@PathVariable String code, @RequestParam(required = false) String reason, @RequestParam int version, RedirectAttributes redirect) {
        return act(code, "", redirect, new FormErrors(), code + " closed.", () -> registers.close(code, reason, version));
    }

    @PostMapping("/risks/{code}/actions")
    String addAction(@PathVariable String code, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        String type = p.getOrDefault("actionType", "");
        return act(code, "#actions", redirect, new FormErrors(), "Action added to " + code + ".", () -> registers.addAction(code,
                p.get("actionTitle"), p.get("actionOwner"), type.isBlank() ? null : type, p.get("planned"), date(p.get("due"), "due")));
    }

    @PostMapping("/risks/{code}/actions/{id}/complete")
    String completeAction(@PathVariable String code, @PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(code, "#actions", redirect, new FormErrors(), "Action marked completed.", () -> registers.completeAction(code, id, version));
    }

    @PostMapping("/risks/{code}/controls")
    String addControl(@PathVariable String code, @RequestParam Map<String, String> p, RedirectAttributes redirect) {
        return act(code, "#controls", redirect, new FormErrors(), "Control added to " + code + ".",
                () -> registers.addControl(code, p.get("controlTitle"), p.get("controlOwner")));
    }

    /** Runs a change to a risk and goes back to its sheet, with a notice, or with what was wrong and nothing saved. */
    private static String act(String code, String anchor, RedirectAttributes redirect, FormErrors errors, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InputException e) {
            errors.add(e);
        } catch (ConflictException e) {
            errors.add("form", e.getMessage());
        }
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/risks/" + code + anchor;
    }

    private static Integer level(Map<String, String> p, String field, FormErrors errors) {
        String t = p.getOrDefault(field, "").strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            errors.add(field, "Choose a level from the list");
            throw new InputException(field, "choose a level from the list");
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InputException(field, "'" + text + "' is not a date: write it as 2019-03-31");
        }
    }
}
