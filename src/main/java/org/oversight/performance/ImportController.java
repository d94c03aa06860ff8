package org.oversight.performance;

import org.oversight.platform.DisplayFormat;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Base64;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.Typed;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload a scorecard, see every change it would make, then commit all of it or nothing. */
@Controller
class ImportController {

    private final ScorecardImport imports;
    private final Dashboards dashboards;
    private final HistoryImports history;

    ImportController(ScorecardImport imports, Dashboards dashboards, HistoryImports history) {
        this.imports = imports;
        this.dashboards = dashboards;
        this.history = history;
    }

    @GetMapping("/import")
    String form(@RequestParam(required = false) YearMonth month, Model model) {
        model.addAttribute("month", dashboards.orLatest(month));
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("typed", Typed.NOTHING);
        return "performance/import";
    }

    @PostMapping("/import")
    String preview(@Valid @ModelAttribute("scorecard") ImportForms.Scorecard form, BindingResult binding, Model model) throws IOException {
        byte[] content = form.file == null ? new byte[0] : form.file.getBytes();
        FormErrors errors = FormErrors.of(binding);
        ScorecardImport.Preview preview = errors.attempt(() -> atTheirBoxes(() -> imports.preview(form.month, content)));
        if (preview != null) {
            model.addAttribute("preview", preview);
            model.addAttribute("seen", preview.seen());
            // The previewed bytes go back with the confirmation, so exactly what was shown is what is committed.
            model.addAttribute("fileContent", Base64.getEncoder().encodeToString(content));
            model.addAttribute("fileName", form.file.getOriginalFilename());
        }
        model.addAttribute("month", form.month);
        model.addAttribute("errors", errors);
        // Only a month that could not be read is shown as typed: one read is written as the page writes months.
        model.addAttribute("typed", binding.hasFieldErrors("month") ? new Typed(binding) : Typed.NOTHING);
        return "performance/import";
    }

    @PostMapping("/import/commit")
    String commit(@Valid @ModelAttribute("confirmed") ImportForms.ConfirmedScorecard form, BindingResult binding, Model model,
                  RedirectAttributes redirect) {
        // A damaged confirmation is refused as a page of its own, before anything is checked: no box on the form can mend it.
        byte[] bytes = form.content == null ? new byte[0] : form.bytes();
        FormErrors errors = FormErrors.of(binding);
        ScorecardImport.Preview p = errors.attempt(() -> {
            try {
                return imports.commit(form.month, bytes, form.fileName, form.seen);
            } catch (InputException | ConflictException e) {
                throw new InputException("file", said(e) + " Nothing was loaded.");
            }
        });
        if (p == null) {
            model.addAttribute("month", dashboards.orLatest(form.month));
            model.addAttribute("errors", errors);
            model.addAttribute("typed", Typed.NOTHING);
            return "performance/import";
        }
        redirect.addFlashAttribute("notice", "Loaded " + form.fileName + ": " + p.count(ScorecardImport.Action.NEW) + " new and "
                + p.count(ScorecardImport.Action.CHANGED) + " changed figures for " + DisplayFormat.monthName(form.month) + ".");
        return "redirect:/dashboard?month=" + form.month;
    }

    /** A refusal of the month at the month's box; any other, of the file, at the file's, a row's naming its row and column. */
    private static <T> T atTheirBoxes(Supplier<T> load) {
        try {
            return load.get();
        } catch (InputException e) {
            throw "month".equals(e.field()) && e.row() == null ? e : new InputException("file", said(e));
        }
    }

    /** What a refusal says, without the name of the box it is shown at: a row's mistake keeps its row and column. */
    private static String said(RuntimeException e) {
        return e instanceof InputException i && i.row() == null && i.field() != null && i.each().size() == 1 ? i.problem() : e.getMessage();
    }

    private static final String UPLOAD = ImportController.class.getName() + ".figures";

    @GetMapping("/import/figures")
    String figuresForm(Model model) {
        model.addAttribute("errors", new FormErrors());
        return "performance/figures-import";
    }

    /** Checks a figures file and shows its counts; the file waits on the server, tied to this session, until confirmed. */
    @PostMapping("/import/figures")
    String figuresPreview(@Valid @ModelAttribute("figures") ImportForms.FiguresFile form, BindingResult binding, HttpSession session, Model model) {
        FormErrors errors = FormErrors.of(binding);
        model.addAttribute("preview", errors.attempt(() -> checked(form.file, session)));
        model.addAttribute("errors", errors);
        return "performance/figures-import";
    }

    private FigureHistory.Result checked(MultipartFile file, HttpSession session) {
        if (file == null || file.isEmpty()) {
            throw new InputException("file", "choose a figures file to check.");
        }
        try {
            discard(session);
            Path held = Files.createTempFile("oversight-figures", ".csv");
            file.transferTo(held);
            String name = file.getOriginalFilename() == null ? "figures.csv" : file.getOriginalFilename();
            try (var in = Files.newInputStream(held)) {
                FigureHistory.Result preview = history.load(in, name, true, null);
                session.setAttribute(UPLOAD, new Held(held, name));
                return preview;
            } catch (InputException e) {
                Files.deleteIfExists(held);
                throw new InputException("file", said(e) + " Nothing was loaded.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the file checked, if what it would do is still what the check showed. */
    @PostMapping("/import/figures/commit")
    String figuresCommit(@Valid @ModelAttribute("confirmed") ImportForms.ConfirmedFigures form, BindingResult binding, HttpSession session,
                         Model model, RedirectAttributes redirect) {
        FormErrors errors = FormErrors.of(binding);
        Held held = session.getAttribute(UPLOAD) instanceof Held h ? h : null;
        FigureHistory.Result r = errors.attempt(() -> loaded(held, form.counts, session));
        if (r == null) {
            model.addAttribute("errors", errors);
            return "performance/figures-import";
        }
        redirect.addFlashAttribute("notice", "Loaded " + held.name() + ": " + r.created() + " new and " + r.changed() + " changed figures.");
        return "redirect:/import/figures";
    }

    /** The held file loaded, and let go of whether it loads or not: a refused file is chosen and checked again. */
    private FigureHistory.Result loaded(Held held, String counts, HttpSession session) {
        try {
            if (held == null || !Files.exists(held.path())) {
                throw new InputException("file", "there is no checked file waiting to be loaded: choose it again.");
            }
            try (var in = Files.newInputStream(held.path())) {
                return history.load(in, held.name(), false, counts);
            } catch (InputException | ConflictException e) {
                throw new InputException("file", said(e));
            } finally {
                discard(session);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Held(Path path, String name) implements Serializable {
    }

    private static void discard(HttpSession session) throws IOException {
        if (session.getAttribute(UPLOAD) instanceof Held held) {
            Files.deleteIfExists(held.path());
            session.removeAttribute(UPLOAD);
        }
    }
}
