package org.oversight.governance;

import static org.oversight.governance.GovernancePages.failed;
import static org.oversight.governance.GovernancePages.trimmed;

import java.time.LocalDateTime;
import java.util.Map;

import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    String attendance(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "0") int version, RedirectAttributes redirect) {
        try {
            minutes.attendance(meetings.meeting(id), form, version, LocalDateTime.now(CalendarFeed.COUNCIL));
            redirect.addFlashAttribute("notice", "Attendance saved in the minutes.");
            return "redirect:/meetings/" + id + "#minutes";
        } catch (InputException e) {
            return failed(redirect, e, trimmed(form), "/meetings/" + id + "#minutes");
        } catch (ConflictException e) {
            return failed(redirect, new InputException("minutes", e.getMessage()), trimmed(form), "/meetings/" + id + "#minutes");
        }
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/minutes")
    String addMinute(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam(defaultValue = "false") boolean exempt,
                     RedirectAttributes redirect) {
        try {
            Integer number = count("minuteNumber", form.get("minuteNumber"));
            if (number != null && number < 1) {
                throw new InputException("minuteNumber", "A minute is numbered from 1; leave the box blank for the next in the series");
            }
            int n = minutes.add(meetings.meeting(id), new Minutes.Minute(number == null ? 0 : number, count("item", form.get("item")), form.get("minuteTitle"),
                    form.get("discussion"), form.get("resolved"), count("votesFor", form.get("votesFor")), count("against", form.get("against")),
                    count("abstained", form.get("abstained")), exempt), LocalDateTime.now(CalendarFeed.COUNCIL));
            redirect.addFlashAttribute("notice", "Minute " + n + " recorded.");
            return "redirect:/meetings/" + id + "#minutes";
        } catch (InputException e) {
            return failed(redirect, e, trimmed(form), "/meetings/" + id + "#add-minute");
        }
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/minutes/approval")
    String approve(@PathVariable long id, @RequestParam(required = false) Long at, RedirectAttributes redirect) {
        try {
            if (at == null) {
                throw new InputException("approvedAt", "Choose the meeting that approved the minutes");
            }
            minutes.approve(meetings.meeting(id), at, LocalDateTime.now(CalendarFeed.COUNCIL));
            redirect.addFlashAttribute("notice", "The minutes are approved.");
            return "redirect:/meetings/" + id + "#minutes";
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/meetings/" + id + "#minutes");
        }
    }

    private static Integer count(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException(field, "Give a whole number, such as 7");
        }
    }
}
