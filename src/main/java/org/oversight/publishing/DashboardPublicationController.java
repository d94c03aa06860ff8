package org.oversight.publishing;

import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Valid;
import org.oversight.performance.DashboardPapers;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.shared.ConflictException;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's Publish button: publishing the month's dashboard paper for the whole council or
 * a directorate. The page shows what would be frozen (the counts, the Reds nobody has explained)
 * and the paper's checks, each finding to accept with a reason, as the paper's own page does.
 */
@Controller
class DashboardPublicationController {

    private final DashboardPublication publication;
    private final DashboardPapers dashboards;
    private final CurrentUser user;

    DashboardPublicationController(DashboardPublication publication, DashboardPapers dashboards, CurrentUser user) {
        this.publication = publication;
        this.dashboards = dashboards;
        this.user = user;
    }

    @GetMapping("/dashboard/publish")
    String confirm(@RequestParam YearMonth month, @RequestParam(required = false, defaultValue = "") String directorate, Model model) {
        String scope = publication.scope(directorate);
        DashboardPapers.Paper p = dashboards.draft(month, scope);
        Papers.Draft draft = publication.draft(month, scope);
        Optional<PaperRepository.Version> latest = publication.latest(month, scope);
        model.addAttribute("month", month);
        model.addAttribute("scope", scope);
        model.addAttribute("p", p);
        model.addAttribute("unexplained", p.indicators().stream()
                .filter(i -> i.red() && (i.commentary() == null || i.commentary().isBlank())).toList());
        model.addAttribute("latest", latest.orElse(null));
        model.addAttribute("publishedBy", latest.map(v -> DashboardPublication.publishedBy(month, scope, v)).orElse(null));
        model.addAttribute("current", latest.isPresent() && publication.shows(latest.get(), draft));
        model.addAttribute("over", month.isBefore(YearMonth.now()));
        model.addAttribute("draft", draft);
        model.addAttribute("findings", draft.findings());
        model.addAttribute("keys", draft.findings().stream().map(Papers::key).toList());
        model.addAttribute("links", draft.document().links());
        model.addAttribute("blocked", !draft.blocking().isEmpty());
        model.addAttribute("seen", draft.fingerprint());
        model.addAttribute("versions", Papers.path(Papers.DASHBOARD, month, scope, "/versions"));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute("summary", PublishForm.summary((FormErrors) model.getAttribute("errors")));
        return "publishing/publish-dashboard";
    }

    @PostMapping("/dashboard/publish")
    String publish(@Valid @ModelAttribute("publish") DashboardPublishForm form, BindingResult binding, @RequestParam Map<String, String> sent,
                   RedirectAttributes redirect) {
        YearMonth month = form.month;
        String directorate = Objects.requireNonNullElse(form.directorate, "");
        PaperRepository.Version v = FormErrors.saved(binding, redirect, () -> {
            if (form.seen == null || form.seen.isBlank()) {
                throw new ConflictException("The form did not say which draft of the dashboard you read: nothing was published. Read it and its checks, then publish.");
            }
            return publication.publish(month, directorate, user.name(), form.accepted(sent), form.why, form.seen);
        });
        String scope = v == null ? directorate.strip() : v.scope();
        if (v == null) {
            redirect.addFlashAttribute("reasons", PublishForm.reasons(sent));
            return "redirect:" + UriComponentsBuilder.fromPath("/dashboard/publish").queryParam("month", month)
                    .queryParamIfPresent("directorate", Optional.of(scope).filter(s -> !s.isEmpty())).encode().toUriString();
        }
        redirect.addFlashAttribute("notice", "The " + DisplayFormat.monthName(month) + " dashboard is published"
                + (v.version() > 1 ? " again (version " + v.version() + " of its paper)" : "") + ": its ratings are frozen and the public can read it.");
        return "redirect:" + UriComponentsBuilder.fromPath("/dashboard").queryParam("month", month)
                .queryParamIfPresent("directorate", Optional.of(scope).filter(s -> !s.isEmpty())).encode().toUriString();
    }
}
