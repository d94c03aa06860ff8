package org.oversight.governance;

import static org.oversight.governance.GovernancePages.choices;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A meeting's page for everyone, its agenda without the exempt items for those who may not read them, its minutes and
 * packs; and the clerk's forms that schedule a meeting and change its status.
 */
@Controller
class MeetingsController {

    /** The attendance of {@link Minutes#ATTENDANCE}, as the minutes label it. */
    private static final Map<String, String> ATTENDANCE_LABELS = Minutes.ATTENDANCE.keySet().stream().collect(Collectors.toMap(k -> k,
            k -> switch (k) {
                case "present" -> "Present";
                case "alsoPresent" -> "Also present";
                case "inAttendance" -> "In attendance";
                case "apologies" -> "Apologies";
                case "substitutes" -> "Substitutes";
                default -> "Declarations of interest";
            }, (a, b) -> a, LinkedHashMap::new));

    private final Committees committees;
    private final Memberships memberships;
    private final Meetings meetings;
    private final Agendas agendas;
    private final Minutes minutes;
    private final Decisions decisions;
    private final MeetingRepository store;
    private final ExemptReaders readers;
    private final CurrentUser user;

    MeetingsController(Committees committees, Memberships memberships, Meetings meetings, Agendas agendas, Minutes minutes, Decisions decisions,
                       MeetingRepository store, ExemptReaders readers, CurrentUser user) {
        this.committees = committees;
        this.memberships = memberships;
        this.meetings = meetings;
        this.agendas = agendas;
        this.minutes = minutes;
        this.decisions = decisions;
        this.store = store;
        this.readers = readers;
        this.user = user;
    }

    @PostMapping("/committees/{code}/meetings")
    String schedule(@PathVariable String code, @Valid @ModelAttribute("schedule") MeetingForms.Schedule form, BindingResult binding,
                    RedirectAttributes redirect) {
        Committee.Meeting m = FormErrors.saved(binding, redirect, () -> {
            MeetingForms.Times t = form.times();
            return meetings.schedule(code, t.day(), t.from(), t.until(), form.location, form.webcast, form.status, t.unread());
        });
        if (m == null) {
            return "redirect:/committees/" + code + "#new-meeting";
        }
        redirect.addFlashAttribute("notice", "Meeting scheduled.");
        return "redirect:/meetings/" + m.id();
    }

    @GetMapping("/meetings/{id:[0-9]{1,18}}")
    String meeting(@PathVariable long id, Model model) {
        Committee.Meeting m = meetings.meeting(id);
        Committee committee = committees.committeeOf(m);
        model.addAttribute("meeting", m);
        model.addAttribute("committee", committee);
        model.addAttribute("past", m.starts().toLocalDate().isBefore(LocalDate.now(CalendarFeed.COUNCIL)));
        boolean staff = readers.exempt(m);
        model.addAttribute("exemptReader", staff);
        model.addAttribute("draftReader", readers.drafts(m));
        model.addAttribute("met", !m.starts().isAfter(LocalDateTime.now(CalendarFeed.COUNCIL)) && m.status() != Committee.Status.CANCELLED
                && m.status() != Committee.Status.POSTPONED);
        model.addAttribute("items", agendas.agenda(m, staff));
        model.addAttribute("sections", choices(List.of(Committee.Section.values()), Committee.Section::name, s -> s.name() + ". " + s.words()));
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("standingKinds", agendas.standingKinds());
        var published = store.packs(m.id());
        model.addAttribute("packs", published);
        model.addAttribute("packPublished", !published.isEmpty());
        model.addAttribute("packOutOfDate", !published.isEmpty() && store.agendaChangedSince(m.id(), published.get(0).publishedAt()));
        // The clerk starts the attendance from the committee's members that day, as the minutes print them, and strikes out the absent.
        model.addAttribute("membership", memberships.members(committee, m.starts().toLocalDate()).stream()
                .map(Committee.Member::printed)
                .collect(Collectors.joining(", ")));
        model.addAttribute("statuses", choices(List.of(Committee.Status.values()), Committee.Status::name, Committee.Status::words));
        model.addAttribute("meetingVersion", meetings.version(m));
        model.addAttribute("minutes", minutes.of(m, staff).orElse(null));
        model.addAttribute("attendanceFields", ATTENDANCE_LABELS);
        model.addAttribute("nextMinute", minutes.next(m));
        List<Committee.Meeting> all = meetings.meetings(committee);
        // Minutes are approved at a later meeting that has met.
        LocalDateTime now = LocalDateTime.now(CalendarFeed.COUNCIL);
        model.addAttribute("laterMeetings", choices(all.stream().filter(x -> x.starts().isAfter(m.starts()) && !x.starts().isAfter(now)
                && x.status() != Committee.Status.CANCELLED && x.status() != Committee.Status.POSTPONED).toList(), Committee.Meeting::id,
                x -> DisplayFormat.dateWords(x.starts().toLocalDate())));
        Committee.Meeting previous = all.stream().filter(x -> x.starts().isBefore(m.starts())).reduce((a, b) -> b).orElse(null);
        model.addAttribute("urgent", decisions.urgentSince(previous, m));
        model.addAttribute("decided", decisions.atMeeting(m.id()));
        return "governance/meeting";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/status")
    String meetingStatus(@PathVariable long id, @Valid @ModelAttribute("status") MeetingForms.Status form, BindingResult binding,
                         RedirectAttributes redirect) {
        Committee.Meeting m = FormErrors.saved(binding, redirect, GovernancePages.conflictAt("status",
                () -> meetings.status(id, form.status, form.version, LocalDateTime.now(CalendarFeed.COUNCIL))));
        if (m == null) {
            return "redirect:/meetings/" + id + "#meeting-status";
        }
        redirect.addFlashAttribute("notice", "The meeting is now: " + m.status().words().toLowerCase(Locale.UK) + ".");
        return "redirect:/meetings/" + id;
    }
}
