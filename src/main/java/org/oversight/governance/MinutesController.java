package org.oversight.governance;

import java.time.LocalDateTime;

import jakarta.validation.Valid;
import org.oversight.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The clerk's forms for a meeting's minutes, on the meeting's page: the attendance, each minute, and their approval at a later meeting. */
@Controller
class MinutesController {

    private final Meetings meetings;
    private final Minutes minutes;

    MinutesController(Meetings meetings, Minutes minutes) {
        this.meetings = meetings;
        this.minutes = minutes;
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/minutes/attendance")
    String attendance(@PathVariable long id, @Valid @ModelAttribute("attendance") MeetingForms.Attendance form, BindingResult binding,
                      RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, GovernancePages.conflictAt("minutes", () -> {
            minutes.attendance(meetings.meeting(id), form.attendance(), form.version, LocalDateTime.now(CalendarFeed.COUNCIL));
            return id;
        })) != null) {
            redirect.addFlashAttribute("notice", "Attendance saved in the minutes.");
        }
        return "redirect:/meetings/" + id + "#minutes";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/minutes")
    String addMinute(@PathVariable long id, @Valid @ModelAttribute("minute") MeetingForms.Minute form, BindingResult binding, RedirectAttributes redirect) {
        Integer n = FormErrors.saved(binding, redirect, () -> minutes.add(meetings.meeting(id), form.minute(), LocalDateTime.now(CalendarFeed.COUNCIL)));
        if (n == null) {
            return "redirect:/meetings/" + id + "#add-minute";
        }
        redirect.addFlashAttribute("notice", "Minute " + n + " recorded.");
        return "redirect:/meetings/" + id + "#minutes";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/minutes/approval")
    String approve(@PathVariable long id, @Valid @ModelAttribute("approval") MeetingForms.Approval form, BindingResult binding,
                   RedirectAttributes redirect) {
        if (FormErrors.saved(binding, redirect, () -> {
            minutes.approve(meetings.meeting(id), form.at, LocalDateTime.now(CalendarFeed.COUNCIL));
            return id;
        }) != null) {
            redirect.addFlashAttribute("notice", "The minutes are approved.");
        }
        return "redirect:/meetings/" + id + "#minutes";
    }
}
