package org.oversight.structure;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.oversight.shared.FormErrors;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Typed;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The council's structure: public to read; the administrator adds units and records their renames and restructures. */
@Controller
class StructureController {

    private final Units units;

    StructureController(Units units) {
        this.units = units;
    }

    @GetMapping("/structure")
    String structure(Model model) {
        List<Unit> all = units.all();
        model.addAttribute("council", units.councilName());
        model.addAttribute("directorates", units.directorates());
        model.addAttribute("units", units);
        model.addAttribute("unplaced", all.stream().filter(u -> u.kind() != Unit.Kind.DIRECTORATE && u.parentId() == null).toList());
        return "structure/structure";
    }

    @GetMapping("/structure/units/{id}")
    String unit(@PathVariable long id, Model model) {
        Unit u = units.find(id).orElseThrow(() -> new NotFoundException("There is no unit " + id + " in the council's structure."));
        model.addAttribute("u", u);
        model.addAttribute("parent", u.parentId() == null ? null : units.find(u.parentId()).orElse(null));
        model.addAttribute("children", units.childrenOf(u));
        model.addAttribute("aliases", units.aliases(u));
        model.addAttribute("history", units.history(u));
        return "structure/unit";
    }

    @GetMapping("/structure/new")
    String newUnit(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new UnitForm());
        }
        return form(null, model);
    }

    @PostMapping("/structure/units")
    String create(@Valid @ModelAttribute("form") UnitForm form, BindingResult binding, Principal user, Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding);
        Unit saved = errors.attempt(() -> units.create(form, user.getName()));
        if (saved == null) {
            model.addAttribute("errors", errors);
            model.addAttribute("typed", Typed.values(binding));
            return form(null, model);
        }
        redirect.addFlashAttribute("notice", "“" + saved.name() + "” is part of the council's structure.");
        return "redirect:/structure/units/" + saved.id();
    }

    @GetMapping("/structure/units/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Unit u = units.find(id).orElseThrow(() -> new NotFoundException("There is no unit " + id + " in the council's structure."));
        UnitForm form = UnitForm.of(u, units.aliases(u));
        form.parent = u.parentId() == null ? null : units.find(u.parentId()).map(Unit::name).orElse(null);
        model.addAttribute("form", form);
        if (u.closedOn() != null) {
            model.addAttribute("typed", Map.of("closed.day", String.valueOf(u.closedOn().getDayOfMonth()),
                    "closed.month", String.valueOf(u.closedOn().getMonthValue()), "closed.year", String.valueOf(u.closedOn().getYear())));
        }
        return form(u, model);
    }

    @PostMapping("/structure/units/{id}")
    String change(@PathVariable long id, @Valid @ModelAttribute("form") UnitForm form, BindingResult binding, Principal user, Model model,
                  RedirectAttributes redirect) {
        Unit was = units.find(id).orElseThrow(() -> new NotFoundException("There is no unit " + id + " in the council's structure."));
        FormErrors errors = FormErrors.of(binding);
        Unit saved = errors.attempt(() -> units.change(id, form, user.getName()));
        if (saved == null) {
            model.addAttribute("errors", errors);
            model.addAttribute("typed", Typed.values(binding));
            return form(was, model);
        }
        redirect.addFlashAttribute("notice", "“" + saved.name() + "” is saved; its history records the change.");
        return "redirect:/structure/units/" + id;
    }

    private String form(Unit u, Model model) {
        model.addAttribute("u", u);
        Map<String, String> kinds = new LinkedHashMap<>(), parents = new LinkedHashMap<>();
        Arrays.stream(Unit.Kind.values()).forEach(k -> kinds.put(k.name(), k.label()));
        units.all().stream().filter(p -> u == null || p.id() != u.id()).filter(p -> p.kind() != Unit.Kind.TEAM)
                .sorted(Comparator.comparing(Unit::kind).thenComparing(Unit::name))
                .forEach(p -> parents.put(p.name(), p.name() + " (" + p.kind().label().toLowerCase() + ")"));
        model.addAttribute("kinds", kinds);
        model.addAttribute("parents", parents);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "structure/form";
    }

    /** A new unit by the API (an administrator's token): as the form, its date as 2019-04-01; 201 with the unit, else problem+json. */
    @PostMapping(value = "/api/units", consumes = "application/json", produces = "application/json")
    @ResponseBody
    ResponseEntity<Unit> createByApi(@Valid @RequestBody UnitForm form, Principal user) {
        Unit u = units.create(form, user.getName());
        return ResponseEntity.created(URI.create("/structure/units/" + u.id())).body(u);
    }

    /** The structure as open data: every unit with its names. */
    @GetMapping(value = "/api/units", produces = "application/json")
    @ResponseBody
    List<Map<String, Object>> api() {
        return units.all().stream().map(u -> Map.<String, Object>of("id", u.id(), "kind", u.kind(), "name", u.name(),
                "shortName", u.shortName() == null ? "" : u.shortName(), "parent", u.parentId() == null ? "" : u.parentId(),
                "otherNames", units.everyName(u).stream().filter(n -> !n.equals(u.name())).toList())).toList();
    }
}
