package org.oversight.performance;

import org.oversight.platform.DisplayFormat;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Base64;

import jakarta.servlet.http.HttpSession;

import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final ConversionService conversion;

    ImportController(ScorecardImport imports, Dashboards dashboards, HistoryImports history, ConversionService conversion) {
        this.conversion = conversion;
        this.imports = imports;
        this.dashboards = dashboards;
        this.history = history;
    }

    @GetMapping("/import")
    String form(@RequestParam(required = false) YearMonth month, Model model) {
        model.addAttribute("month", dashboards.orLatest(month));
        return "performance/import";
    }

    @PostMapping("/import")
    String preview(@RequestParam String month, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        YearMonth m = monthOrError(month, model);
        model.addAttribute("month", m == null ? month : m);
        model.addAttribute("fileName", file.getOriginalFilename());
        if (m == null) {
            return "performance/import";
        }
        byte[] content = file.getBytes();
        try {
            ScorecardImport.Preview preview = imports.preview(m, content);
            model.addAttribute("preview", preview);
            model.addAttribute("seen", preview.seen());
            // The previewed bytes go back with the confirmation, so exactly what was shown is what is committed.
            model.addAttribute("fileContent", Base64.getEncoder().encodeToString(content));
        } catch (InputException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "performance/import";
    }

    @PostMapping("/import/commit")
    String commit(@RequestParam YearMonth month, @RequestParam String content, @RequestParam(required = false) String fileName,
                  @RequestParam String seen, Model model, RedirectAttributes redirect) {
        YearMonth m = month;
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(content);
        } catch (IllegalArgumentException e) {
            throw new InputException("content", "the confirmed file was damaged in transit: upload it again");
        }
        try {
            ScorecardImport.Preview p = imports.commit(m, bytes, fileName, seen);
            redirect.addFlashAttribute("notice", "Loaded " + fileName + ": " + p.count(ScorecardImport.Action.NEW) + " new and "
                    + p.count(ScorecardImport.Action.CHANGED) + " changed figures for " + DisplayFormat.monthName(m) + ".");
            return "redirect:/dashboard?month=" + m;
        } catch (InputException | ConflictException e) {
            model.addAttribute("month", m);
            model.addAttribute("error", e.getMessage() + " Nothing was loaded.");
            return "performance/import";
        }
    }

    private static final String UPLOAD = ImportController.class.getName() + ".figures";

    @GetMapping("/import/figures")
    String figuresForm() {
        return "performance/figures-import";
    }

    /** Checks a figures file and shows its counts; the file waits on the server, tied to this session, until confirmed. */
    @PostMapping("/import/figures")
    String figuresPreview(@RequestParam("file") MultipartFile file, HttpSession session, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("error", "Choose a figures file to check.");
            return "performance/figures-import";
        }
        discard(session);
        Path held = Files.createTempFile("oversight-figures", ".csv");
        file.transferTo(held);
        String name = file.getOriginalFilename() == null ? "figures.csv" : file.getOriginalFilename();
        try (var in = Files.newInputStream(held)) {
            model.addAttribute("preview", history.load(in, name, true, null));
            session.setAttribute(UPLOAD, new Held(held, name));
        } catch (InputException e) {
            Files.deleteIfExists(held);
            model.addAttribute("error", e.getMessage() + " Nothing was loaded.");
        }
        return "performance/figures-import";
    }

    /** Loads the file checked, if what it would do is still what the check showed. */
    @PostMapping("/import/figures/commit")
    String figuresCommit(@RequestParam String counts, HttpSession session, Model model, RedirectAttributes redirect)
            throws IOException {
        if (!(session.getAttribute(UPLOAD) instanceof Held held) || !Files.exists(held.path())) {
            model.addAttribute("error", "There is no checked file waiting to be loaded: choose it again.");
            return "performance/figures-import";
        }
        try (var in = Files.newInputStream(held.path())) {
            FigureHistory.Result r = history.load(in, held.name(), false, counts);
            redirect.addFlashAttribute("notice", "Loaded " + held.name() + ": " + r.created() + " new and " + r.changed() + " changed figures.");
            discard(session);
            return "redirect:/import/figures";
        } catch (InputException | ConflictException e) {
            discard(session);
            model.addAttribute("error", e.getMessage());
            return "performance/figures-import";
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

    /** The month as typed, read as every month box reads it (the web formatters); else null, with the error on the page. */
    private YearMonth monthOrError(String month, Model model) {
        try {
            YearMonth m = conversion.convert(month, YearMonth.class);
            if (m == null) {
                model.addAttribute("error", "Month: enter the month the figures are for, such as January 2019");
            }
            return m;
        } catch (ConversionFailedException e) {
            model.addAttribute("error", "Month: " + e.getCause().getMessage());
            return null;
        }
    }
}
