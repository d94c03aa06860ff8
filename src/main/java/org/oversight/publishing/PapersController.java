package org.oversight.publishing;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.performance.DashboardPapers;
import org.oversight.platform.ContentPolicy;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.risk.RegisterPapers;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The papers on the web: each published version exactly as it went out (HTML or PDF, with its
 * SHA-256, and its tables as CSV and XLSX), the list of versions with what changed, and for staff
 * the draft from today's data with its checks and the publish button. {@code scope} names the
 * directorate (or, for a risk report, the register); {@code directorate} is its older name.
 */
@Controller
class PapersController {

    private static final String KINDS = "{kind:dashboard|qpr|exceptions|risks|budget|rates|directorate}";
    private static final String VERSION = "v{version:[1-9][0-9]{0,5}}";
    private static final String TABLE = "{table:[a-z0-9-]{1,80}}";

    private final Papers papers;
    private final ExceptionsDocument exceptions;
    private final ExceptionNotes notes;
    private final CurrentUser user;
    private final ConversionService conversion;
    private final DashboardPapers directorates;
    private final RegisterPapers registers;

    PapersController(Papers papers, ExceptionsDocument exceptions, ExceptionNotes notes, CurrentUser user, ConversionService conversion,
                     DashboardPapers directorates, RegisterPapers registers) {
        this.directorates = directorates;
        this.registers = registers;
        this.conversion = conversion;
        this.papers = papers;
        this.exceptions = exceptions;
        this.notes = notes;
        this.user = user;
    }

    /** The papers the form on the papers page opens, as it lists them. */
    private static final Map<String, String> KIND_CHOICES = choices(
            "dashboard", "Monthly performance dashboard", "qpr", "Quarterly Performance Report", "exceptions", "Exception report (Red indicators)",
            "risks", "Risk register report", "budget", "Budget monitoring report", "directorate", "Directorate summary (one sheet)",
            "rates", "Rates and charges (a year’s approved schedule)");

    private static Map<String, String> choices(String... valueThenText) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < valueThenText.length; i += 2) {
            out.put(valueThenText[i], valueThenText[i + 1]);
        }
        return out;
    }

    @GetMapping("/papers")
    String index(Model model) {
        model.addAttribute("papers", papers.published());
        model.addAttribute("drafts", user.seesDrafts());
        if (user.seesDrafts()) {
            model.addAttribute("kinds", KIND_CHOICES);
            model.addAttribute("directorates", directorates.directorates());
            model.addAttribute("divisions", directorates.divisions());
            Map<String, String> registerChoices = new LinkedHashMap<>();
            registers.registers().forEach((code, name) -> registerChoices.put(code, name + " (" + code + ")"));
            model.addAttribute("registers", registerChoices);
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "publishing/papers";
    }

    /** The form on the papers page: which paper, for when and for whom, to its page; what cannot be read, named at its box. */
    @GetMapping("/papers/open")
    String open(@RequestParam(defaultValue = "dashboard") String kind, @RequestParam(required = false) String period,
                @RequestParam(required = false) String scope, @RequestParam(required = false) String register, RedirectAttributes redirect) {
        Publication publication = papers.kind(kind);
        FormErrors errors = new FormErrors();
        YearMonth month = null;
        try {
            month = conversion.convert(period == null || period.isBlank() ? null : period.strip(), YearMonth.class);
            if (month == null) {
                errors.add("period", "Enter the month the paper is for, such as January 2019");
            }
        } catch (ConversionFailedException e) {
            errors.add("period", "Month: " + e.getCause().getMessage());
        }
        String s = null;
        try {
            s = publication.scope(kind.equals("risks") ? register : scope);
        } catch (InputException e) {
            errors.add(kind.equals("risks") ? "register" : "scope", e.problem());
        }
        if (errors.any()) {
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("typed", Map.of("kind", kind, "period", period == null ? "" : period,
                    "scope", scope == null ? "" : scope, "register", register == null ? "" : register));
            return "redirect:/papers#open-paper";
        }
        return "redirect:" + Papers.path(kind, month, s, "/versions");
    }

    @GetMapping("/papers/" + KINDS + "/{period}/versions")
    String versions(@PathVariable String kind, @PathVariable YearMonth period, @RequestParam(required = false) String scope,
                    @RequestParam(required = false) String directorate, Model model) {
        Publication publication = papers.kind(kind);
        String s = Papers.known(publication, scope(scope, directorate));
        YearMonth p = publication.period(period);
        List<PaperRepository.Version> versions = papers.versions(kind, p, s);
        if (versions.isEmpty() && !user.seesDrafts()) {
            throw new NotFoundException("This paper has not been published");
        }
        model.addAttribute("kind", kind);
        model.addAttribute("noun", publication.noun());
        model.addAttribute("period", p);
        model.addAttribute("scope", s);
        model.addAttribute("scopeParam", s.isEmpty() ? null : s);
        model.addAttribute("versions", versions);
        model.addAttribute("tables", versions.stream().map(papers::tables).toList());
        model.addAttribute("changes", papers.changes(versions));
        model.addAttribute("drafts", user.seesDrafts());
        model.addAttribute("mayPublish", user.has(Papers.publisher(kind)));
        model.addAttribute("mayWriteExceptions", user.has(Role.PERFORMANCE));
        // What the publisher is shown: publishing is refused if the paper has changed since (a figure saved meanwhile).
        if (user.seesDrafts()) {
            Papers.Draft draft = papers.draft(kind, p, s);
            model.addAttribute("paperTitle", draft.document().title());
            model.addAttribute("draft", draft);
            model.addAttribute("findings", draft.findings());
            model.addAttribute("keys", draft.findings().stream().map(Papers::key).toList());
            model.addAttribute("blocked", !draft.blocking().isEmpty());
            model.addAttribute("current", !versions.isEmpty() && papers.shows(versions.get(0), draft));
            model.addAttribute("over", publication.publishable(p));
            model.addAttribute("links", draft.document().links());
            model.addAttribute("seen", draft.fingerprint());
            if (kind.equals("exceptions")) {
                model.addAttribute("reds", exceptions.reds(p, s));
            }
        } else {
            model.addAttribute("paperTitle", versions.get(0).title());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute("summary", summary(model));
        return "publishing/versions";
    }

    @PostMapping("/papers/" + KINDS + "/{period}/publish")
    String publish(@PathVariable String kind, @PathVariable YearMonth period, @Valid @ModelAttribute("publish") PublishForm form, BindingResult binding,
                   @RequestParam Map<String, String> sent, RedirectAttributes redirect) {
        String s = scope(form.scope, form.directorate);
        PaperRepository.Version v = FormErrors.saved(binding, redirect, () -> {
            if (form.seen == null || form.seen.isBlank()) {
                // The form always sends the draft it showed; without it a paper changed since could go out unread.
                throw new ConflictException("The form did not say which draft of the paper you read: nothing was published. Read the draft and its checks, then publish.");
            }
            return papers.publish(kind, period, s, user.name(), form.accepted(sent), form.why, form.seen);
        });
        if (v != null) {
            redirect.addFlashAttribute("notice", "Published version " + v.version() + " of " + v.title() + ".");
        } else {
            redirect.addFlashAttribute("reasons", PublishForm.reasons(sent));
        }
        return "redirect:" + Papers.path(kind, period, s, "/versions");
    }

    /** Writes a Red indicator's exception for the month, or (the performance team) waives it with a reason. */
    @PostMapping("/papers/exceptions/{period}/exceptions/{indicator}")
    String exception(@PathVariable YearMonth period, @PathVariable long indicator, @Valid @ModelAttribute("exception") ExceptionForm form,
                     BindingResult binding, RedirectAttributes redirect) {
        String s = Papers.known(exceptions, scope(form.scope, null));
        ExceptionsDocument.Red red = exceptions.reds(period, s).stream().filter(r -> r.item().id() == indicator).findFirst()
                .orElseThrow(() -> new NotFoundException("That indicator is not Red in " + DisplayFormat.monthName(period)));
        ExceptionNotes.Note saved = FormErrors.saved(binding, redirect, () -> notes.save(indicator, red.item().ref(), period, form.why, form.action,
                form.due, form.owner, form.waived, form.waiver, user.name(), form.version));
        if (saved != null) {
            redirect.addFlashAttribute("notice", (form.waived ? "Waived the exception report for " : "Saved the exception report for ") + red.item().ref() + ".");
        } else {
            redirect.addFlashAttribute("exceptionFor", indicator);
        }
        return "redirect:" + Papers.path("exceptions", period, s, "/versions") + "#exception-" + indicator;
    }

    /**
     * The errors of the page's form that was refused, for its error summary. An exception form is one of several on the
     * page, each box's id carrying its indicator's (why-7): the summary links there, and to the indicator's card for the rest.
     */
    private static FormErrors summary(Model model) {
        FormErrors errors = (FormErrors) model.getAttribute("errors");
        if (!(model.getAttribute("exceptionFor") instanceof Long indicator)) {
            return PublishForm.summary(errors);
        }
        FormErrors summary = new FormErrors();
        errors.all().forEach((box, message) -> summary.add(box.equals("form") ? "exception-" + indicator : box + "-" + indicator, message));
        return summary;
    }

    @GetMapping("/papers/" + KINDS + "/{period}")
    @Transactional(readOnly = true)
    ResponseEntity<Resource> latest(@PathVariable String kind, @PathVariable YearMonth period, @RequestParam(required = false) String scope,
                                  @RequestParam(required = false) String directorate) {
        return html(published(kind, period, scope(scope, directorate), null), false);
    }

    @GetMapping("/papers/" + KINDS + "/{period}.pdf")
    @Transactional(readOnly = true)
    ResponseEntity<Resource> latestPdf(@PathVariable String kind, @PathVariable YearMonth period, @RequestParam(required = false) String scope,
                                     @RequestParam(required = false) String directorate) {
        return pdf(published(kind, period, scope(scope, directorate), null), false);
    }

    /** A numbered version never changes: anyone may keep a copy for good. */
    private static final String FOR_GOOD = "public, max-age=31536000, immutable";

    @GetMapping("/papers/" + KINDS + "/{period}/" + VERSION)
    @Transactional(readOnly = true)
    ResponseEntity<Resource> version(@PathVariable String kind, @PathVariable YearMonth period, @PathVariable int version,
                                   @RequestParam(required = false) String scope, @RequestParam(required = false) String directorate) {
        return html(published(kind, period, scope(scope, directorate), version), true);
    }

    @GetMapping("/papers/" + KINDS + "/{period}/" + VERSION + ".pdf")
    @Transactional(readOnly = true)
    ResponseEntity<Resource> versionPdf(@PathVariable String kind, @PathVariable YearMonth period, @PathVariable int version,
                                      @RequestParam(required = false) String scope, @RequestParam(required = false) String directorate) {
        return pdf(published(kind, period, scope(scope, directorate), version), true);
    }

    @GetMapping("/papers/" + KINDS + "/{period}/" + VERSION + "/tables/" + TABLE + ".{format:csv|xlsx}")
    ResponseEntity<byte[]> versionTable(@PathVariable String kind, @PathVariable YearMonth period, @PathVariable int version, @PathVariable String table,
                                        @PathVariable String format, @RequestParam(required = false) String scope) {
        PaperRepository.Version v = published(kind, period, scope(scope, null), version);
        Publication.Table t = papers.tables(v).stream().filter(x -> x.id().equals(table)).findFirst()
                .orElseThrow(() -> new NotFoundException("This version has no table " + table));
        return file(t, format, fileName(v.kind(), v.period(), v.scope(), "v" + v.version() + "-" + table, format), true);
    }

    @GetMapping("/papers/" + KINDS + "/{period}/draft/tables/" + TABLE + ".{format:csv|xlsx}")
    ResponseEntity<byte[]> draftTable(@PathVariable String kind, @PathVariable YearMonth period, @PathVariable String table,
                                      @PathVariable String format, @RequestParam(required = false) String scope) {
        Publication.Table t = draft(kind, period, scope(scope, null)).document().tables().stream().filter(x -> x.id().equals(table)).findFirst()
                .orElseThrow(() -> new NotFoundException("The draft has no table " + table));
        return file(t, format, fileName(kind, period, scope, "draft-" + table, format), false);
    }

    @GetMapping("/papers/" + KINDS + "/{period}/draft")
    ResponseEntity<String> draft(@PathVariable String kind, @PathVariable YearMonth period, @RequestParam(required = false) String scope,
                                 @RequestParam(required = false) String directorate) {
        String html = html(draft(kind, period, scope(scope, directorate)));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", policy(html)).body(html);
    }

    @GetMapping("/papers/" + KINDS + "/{period}/draft.pdf")
    ResponseEntity<byte[]> draftPdf(@PathVariable String kind, @PathVariable YearMonth period, @RequestParam(required = false) String scope,
                                    @RequestParam(required = false) String directorate) {
        String s = scope(scope, directorate);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName(kind, period, s, "draft", "pdf")).build().toString())
                .body(PdfDocument.draft(html(draft(kind, period, s))));
    }

    /** A draft laid out, with what the checks find in it printed at its end. */
    private static String html(Papers.Draft draft) {
        return draft.document().html().html(null, null, draft.findings().stream().map(Papers::words).toList());
    }

    /** A draft shows unpublished data: for staff only, as drafts are. */
    private Papers.Draft draft(String kind, YearMonth period, String scope) {
        if (!user.seesDrafts()) {
            throw new AccessDeniedException("A draft paper is for staff");
        }
        return papers.draft(kind, period, scope);
    }

    private PaperRepository.Version published(String kind, YearMonth period, String scope, Integer version) {
        return papers.version(kind, period, scope, version).orElseThrow(() -> new NotFoundException(
                "The " + papers.kind(kind).noun() + " for " + DisplayFormat.monthName(papers.kind(kind).period(period))
                        + (version == null ? " has not been published" : " has no version " + version)));
    }

    /** The version as it went out, with its SHA-256 so that anyone can check a copy against the one on the versions page. */
    private ResponseEntity<Resource> html(PaperRepository.Version v, boolean forGood) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Repr-Digest", digest(v.htmlSha256())).header("Content-Security-Policy", papers.policy(v));
        return (forGood ? ok.header(HttpHeaders.CACHE_CONTROL, FOR_GOOD) : ok).body(papers.htmlBody(v));
    }

    private ResponseEntity<Resource> pdf(PaperRepository.Version v, boolean forGood) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("Repr-Digest", digest(v.pdfSha256()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName(v.kind(), v.period(), v.scope(), "v" + v.version(), "pdf")).build().toString());
        return (forGood ? ok.header(HttpHeaders.CACHE_CONTROL, FOR_GOOD) : ok).body(papers.pdfBody(v));
    }

    private static ResponseEntity<byte[]> file(Publication.Table t, String format, String name, boolean forGood) {
        boolean csv = format.equals("csv");
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
        byte[] body = csv ? TableFiles.csv(t) : TableFiles.xlsx(t);
        ok.header("Repr-Digest", digest(DigestUtils.sha256Hex(body)));
        return (forGood ? ok.header(HttpHeaders.CACHE_CONTROL, FOR_GOOD) : ok).body(body);
    }

    /** The site's policy, allowing the paper's own stylesheet (inside the frozen document) by its hash. */
    private static String policy(String html) {
        int start = html.indexOf("<style>"), end = html.indexOf("</style>");
        return start < 0 || end < start ? ContentPolicy.DEFAULT : ContentPolicy.withStyle(html.substring(start + "<style>".length(), end));
    }

    /** RFC 9530: sha-256=:base64: */
    private static String digest(String hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)) + ":";
    }

    private static String fileName(String kind, YearMonth period, String scope, String which, String extension) {
        return kind + "-" + period + (scope == null || scope.isBlank() ? "" : "-" + scope.strip().replaceAll("[^A-Za-z0-9]+", "-")) + "-" + which + "." + extension;
    }

    private static String scope(String scope, String directorate) {
        String s = scope != null ? scope : directorate;
        return s == null ? "" : s.strip();
    }

}
