package org.oversight.governance;

import static org.oversight.governance.GovernancePages.choices;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import jakarta.validation.Valid;
import org.oversight.platform.CurrentUser;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A committee's work programme for everyone, today's or as it stood on a day; and the clerk's form that adds a member's request to it. */
@Controller
class WorkProgrammeController {

    private final Committees committees;
    private final Meetings meetings;
    private final WorkProgramme programme;
    private final CurrentUser user;

    WorkProgrammeController(Committees committees, Meetings meetings, WorkProgramme programme, CurrentUser user) {
        this.committees = committees;
        this.meetings = meetings;
        this.programme = programme;
        this.user = user;
    }

    @GetMapping("/committees/{code}/work-programme")
    String workProgramme(@PathVariable String code, @RequestParam(required = false) String from, Model model) {
        Committee c = committees.get(code);
        LocalDate asOf = Written.date("from", from);
        LocalDateTime now = LocalDateTime.now(CalendarFeed.COUNCIL);
        WorkProgramme.Programme p = programme.of(c, asOf == null ? now : asOf.atTime(LocalTime.MAX));
        model.addAttribute("p", p);
        model.addAttribute("futureMeetings", choices(p.meetings(), x -> x.meeting().id(), x -> DisplayFormat.dateWords(x.meeting().starts().toLocalDate())));
        model.addAttribute("asOf", asOf);
        // An earlier programme, for a committee whose future is empty: as it stood after the last meeting it held.
        model.addAttribute("lastMeeting", meetings.meetings(c).stream().filter(m -> m.status() == Committee.Status.HELD && m.starts().isBefore(now))
                .map(m -> m.starts().toLocalDate()).reduce((a, b) -> b).orElse(null));
        model.addAttribute("clerk", user.has(Role.CLERK));
        return "governance/work-programme";
    }

    @PostMapping("/committees/{code}/work-programme")
    String request(@PathVariable String code, @Valid @ModelAttribute("request") MeetingForms.WorkRequest form, BindingResult binding,
                   RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            programme.request(committees.get(code), form.requestTitle, form.requestedBy, form.meeting, LocalDateTime.now(CalendarFeed.COUNCIL));
            return code;
        }) == null) {
            return "redirect:/committees/" + code + "/work-programme#request";
        }
        redirect.addFlashAttribute("notice", "Added to the work programme.");
        return "redirect:/committees/" + code + "/work-programme";
    }
}
