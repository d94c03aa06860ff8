package org.oversight.publishing;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.oversight.platform.ContentPolicy;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The papers on the web: each published version exactly as it went out (HTML or PDF, with its
 * SHA-256), the list of versions with what changed, and for staff the draft from today's figures.
 */
@Controller
class PapersController {

    private final Papers papers;
    private final DashboardDocument dashboards;
    private final CurrentUser user;

    PapersController(Papers papers, DashboardDocument dashboards, CurrentUser user) {
        this.papers = papers;
        this.dashboards = dashboards;
        this.user = user;
    }

    @GetMapping("/papers")
    String index(Model model) {
        model.addAttribute("papers", papers.published());
        return "publishing/papers";
    }

    @GetMapping("/papers/dashboard/{month}/versions")
    String versions(@PathVariable YearMonth month, @RequestParam(required = false) String directorate, Model model) {
        List<PaperRepository.Version> versions = papers.versions(month, directorate);
        if (versions.isEmpty() && !user.seesDrafts()) {
            throw new NotFoundException("The " + DisplayFormat.monthName(month) + " dashboard paper has not been published");
        }
        model.addAttribute("month", month);
        model.addAttribute("directorate", directorate == null ? "" : directorate.strip());
        model.addAttribute("versions", versions);
        model.addAttribute("changes", papers.changes(versions));
        model.addAttribute("drafts", user.seesDrafts());
        // What the publisher is shown: publishing is refused if the paper has changed since (a figure saved meanwhile).
        Papers.Draft draft = user.seesDrafts() ? papers.draft(month, directorate) : new Papers.Draft(List.of(), "");
        model.addAttribute("findings", draft.findings());
        model.addAttribute("seen", draft.fingerprint());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        return "publishing/versions";
    }

    @PostMapping("/papers/dashboard/{month}/publish")
    String publish(@PathVariable YearMonth month, @RequestParam(required = false) String directorate,
                   @RequestParam(defaultValue = "false") boolean accept, @RequestParam(required = false) String why,
                   @RequestParam(required = false) String seen, RedirectAttributes redirect) {
        try {
            PaperRepository.Version v = papers.publish(month, directorate, user.name(), accept, why, seen);
            redirect.addFlashAttribute("notice", "Published version " + v.version() + " of the " + DisplayFormat.monthName(month) + " dashboard paper.");
        } catch (InputException | ConflictException e) {
            FormErrors errors = new FormErrors();
            if (e instanceof InputException input) {
                errors.add(input);
            } else {
                errors.add("checks", e.getMessage());
            }
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("why", why);
        }
        return "redirect:" + versionsPath(month, directorate);
    }

    @GetMapping("/papers/dashboard/{month}")
    ResponseEntity<String> latest(@PathVariable YearMonth month, @RequestParam(required = false) String directorate) {
        return html(published(month, directorate, null));
    }

    @GetMapping("/papers/dashboard/{month}.pdf")
    ResponseEntity<byte[]> latestPdf(@PathVariable YearMonth month, @RequestParam(required = false) String directorate) {
        return pdf(published(month, directorate, null));
    }

    /** A numbered version never changes: anyone may keep a copy for good. */
    private static final String FOR_GOOD = "public, max-age=31536000, immutable";

    @GetMapping("/papers/dashboard/{month}/v{version:[1-9][0-9]{0,5}}")
    ResponseEntity<String> version(@PathVariable YearMonth month, @PathVariable int version, @RequestParam(required = false) String directorate) {
        ResponseEntity<String> page = html(published(month, directorate, version));
        return ResponseEntity.ok().headers(page.getHeaders()).header(HttpHeaders.CACHE_CONTROL, FOR_GOOD).body(page.getBody());
    }

    @GetMapping("/papers/dashboard/{month}/v{version:[1-9][0-9]{0,5}}.pdf")
    ResponseEntity<byte[]> versionPdf(@PathVariable YearMonth month, @PathVariable int version, @RequestParam(required = false) String directorate) {
        ResponseEntity<byte[]> pdf = pdf(published(month, directorate, version));
        return ResponseEntity.ok().headers(pdf.getHeaders()).header(HttpHeaders.CACHE_CONTROL, FOR_GOOD).body(pdf.getBody());
    }

    @GetMapping("/papers/dashboard/{month}/draft")
    ResponseEntity<String> draft(@PathVariable YearMonth month, @RequestParam(required = false) String directorate) {
        String html = draftHtml(month, directorate);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", policy(html)).body(html);
    }

    @GetMapping("/papers/dashboard/{month}/draft.pdf")
    ResponseEntity<byte[]> draftPdf(@PathVariable YearMonth month, @RequestParam(required = false) String directorate) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName(month, directorate, "draft")).build().toString())
                .body(PdfDocument.print(draftHtml(month, directorate)));
    }

    /** A draft shows unpublished figures: for staff only, as drafts are. */
    private String draftHtml(YearMonth month, String directorate) {
        if (!user.seesDrafts()) {
            throw new AccessDeniedException("A draft paper is for staff");
        }
        return dashboards.html(dashboards.data(month, directorate), null, null);
    }

    private PaperRepository.Version published(YearMonth month, String directorate, Integer version) {
        return papers.version(month, directorate, version).orElseThrow(() -> new NotFoundException(
                "The " + DisplayFormat.monthName(month) + " dashboard paper" + (version == null ? " has not been published" : " has no version " + version)));
    }

    /** The version as it went out, with its SHA-256 so that anyone can check a copy against the one on the versions page. */
    private ResponseEntity<String> html(PaperRepository.Version v) {
        String html = papers.html(v);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Repr-Digest", digest(v.htmlSha256())).header("Content-Security-Policy", policy(html)).body(html);
    }

    /** The site's policy, allowing the paper's own stylesheet (inside the frozen document) by its hash. */
    private static String policy(String html) {
        int start = html.indexOf("<style>"), end = html.indexOf("</style>");
        return start < 0 || end < start ? ContentPolicy.DEFAULT : ContentPolicy.withStyle(html.substring(start + "<style>".length(), end));
    }

    private ResponseEntity<byte[]> pdf(PaperRepository.Version v) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).header("Repr-Digest", digest(v.pdfSha256()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(fileName(v.month(), v.scope(), "v" + v.version())).build().toString())
                .body(papers.pdf(v));
    }

    /** RFC 9530: sha-256=:base64: */
    private static String digest(String hex) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex)) + ":";
    }

    private static String fileName(YearMonth month, String scope, String which) {
        return "dashboard-" + month + (scope == null || scope.isBlank() ? "" : "-" + scope.strip().replaceAll("[^A-Za-z0-9]+", "-")) + "-" + which + ".pdf";
    }

    static String versionsPath(YearMonth month, String directorate) {
        return UriComponentsBuilder.fromPath("/papers/dashboard/{m}/versions").queryParamIfPresent("directorate",
                java.util.Optional.ofNullable(directorate).filter(d -> !d.isBlank())).buildAndExpand(month).encode().toUriString();
    }
}
