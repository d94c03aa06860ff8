package org.oversight.governance;

import org.oversight.shared.ConflictException;
import org.oversight.shared.NotFoundException;
import org.oversight.structure.Units;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.PublicAddress;
import org.oversight.platform.Role;
import org.oversight.shared.FormErrors;
import org.oversight.shared.InputException;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Committees, meetings and agendas on the web: public pages and calendar feeds for everyone (no
 * exempt item in any of them), and the clerk's forms on the same pages.
 */
@Controller
class GovernanceController {

    private final Committees committees;
    private final CurrentUser user;
    private final ConversionService conversion;
    private final AgendaPack pack;
    private final MeetingRepository store;
    private final Minutes minutes;

    /** The attendance of {@link Minutes#ATTENDANCE}, as the minutes label it. */
    private static final Map<String, String> ATTENDANCE_LABELS = Minutes.ATTENDANCE.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k,
            k -> switch (k) {
                case "present" -> "Present";
                case "alsoPresent" -> "Also present";
                case "inAttendance" -> "In attendance";
                case "apologies" -> "Apologies";
                case "substitutes" -> "Substitutes";
                default -> "Declarations of interest";
            }, (a, b) -> a, java.util.LinkedHashMap::new));
    private final WorkProgramme programme;
    private final Decisions decisions;
    private final PublicAddress address;

    private final Units units;

    private final TermsOfOffice terms;
    private final Memberships memberships;
    private final Meetings meetings;
    private final Agendas agendas;
    private final Reports reports;

    GovernanceController(Committees committees, TermsOfOffice terms, Memberships memberships, Meetings meetings, Agendas agendas, Reports reports,
                         CurrentUser user, ConversionService conversion, AgendaPack pack, MeetingRepository store, Minutes minutes,
                         WorkProgramme programme, Decisions decisions, PublicAddress address, Units units) {
        this.terms = terms;
        this.memberships = memberships;
        this.meetings = meetings;
        this.agendas = agendas;
        this.reports = reports;
        this.units = units;
        this.address = address;
        this.decisions = decisions;
        this.programme = programme;
        this.minutes = minutes;
        this.pack = pack;
        this.store = store;
        this.committees = committees;
        this.user = user;
        this.conversion = conversion;
    }

    @GetMapping("/committees")
    String index(Model model) {
        model.addAttribute("committees", committees.all());
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("kinds", Committee.Kind.values());
        model.addAttribute("directorates", units.directorates());
        model.addAttribute("terms", terms.terms());
        errors(model);
        return "governance/committees";
    }

    @PostMapping("/committees/terms")
    String addTerm(@RequestParam(required = false) String termName, @RequestParam(required = false) String termStart,
                   @RequestParam(required = false) String termEnd, RedirectAttributes redirect) {
        try {
            Committee.Term t = terms.addTerm(termName, date("termStart", termStart), date("termEnd", termEnd));
            redirect.addFlashAttribute("notice", "Term of office " + t.name() + " added.");
            return "redirect:/committees#terms-of-office";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("termName", s(termName), "termStart", s(termStart), "termEnd", s(termEnd)), "/committees#new-term");
        }
    }

    @PostMapping("/committees/terms/{id:[0-9]{1,18}}/end")
    String endLegislativeTerm(@PathVariable long id, @RequestParam(required = false) String end, RedirectAttributes redirect) {
        try {
            terms.endLegislativeTerm(id, date("termEnd-" + id, end));
            redirect.addFlashAttribute("notice", "The term of office has ended.");
            return "redirect:/committees#terms-of-office";
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/committees#terms-of-office");
        }
    }

    @PostMapping("/committees/terms/{id:[0-9]{1,18}}/deletion")
    String deleteTerm(@PathVariable long id, RedirectAttributes redirect) {
        terms.deleteTerm(id);
        redirect.addFlashAttribute("notice", "Term of office removed.");
        return "redirect:/committees#terms-of-office";
    }

    @PostMapping("/committees")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) Committee.Kind kind,
                  @RequestParam(required = false) String terms, @RequestParam(required = false) String unit, RedirectAttributes redirect) {
        try {
            Committee c = committees.create(name, kind, terms, unit);
            redirect.addFlashAttribute("notice", "Created " + c.name() + ".");
            return "redirect:/committees/" + c.code();
        } catch (InputException e) {
            return failed(redirect, e, Map.of("name", s(name), "terms", s(terms)), "/committees#new-committee");
        }
    }

    @PostMapping("/committees/{code}/unit")
    String oversees(@PathVariable String code, @RequestParam(required = false) String unit, RedirectAttributes redirect) {
        try {
            Committee c = committees.oversees(code, unit);
            redirect.addFlashAttribute("notice", c.unit() == null ? c.name() + " oversees no directorate." : c.name() + " oversees " + c.unit() + ".");
        } catch (InputException e) {
            return failed(redirect, e, Map.of("unit", s(unit)), "/committees/" + code + "#oversees");
        }
        return "redirect:/committees/" + code;
    }

    @GetMapping("/committees/{code}")
    String committee(@PathVariable String code, Model model) {
        Committee c = committees.get(code);
        model.addAttribute("committee", c);
        model.addAttribute("members", memberships.members(c, LocalDate.now(CalendarFeed.COUNCIL)));
        model.addAttribute("former", memberships.former(c, LocalDate.now(CalendarFeed.COUNCIL)));
        model.addAttribute("meetings", meetings.meetings(c));
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("roles", Committee.Role.values());
        model.addAttribute("directorates", units.directorates());
        model.addAttribute("statuses", Committee.Status.values());
        errors(model);
        return "governance/committee";
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/end")
    String endTerm(@PathVariable String code, @PathVariable long membership, @RequestParam(required = false) String end, RedirectAttributes redirect) {
        try {
            memberships.endTerm(code, membership, date("end-" + membership, end));
            redirect.addFlashAttribute("notice", "The term has ended.");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, new InputException("end-" + membership, e.problem()), Map.of(), "/committees/" + code + "#members");
        }
    }

    /** Clerks read every exempt item; a Member those of the committees they sit on (their seat linked to their sign-in). */
    private boolean exemptReader(Committee.Meeting m) {
        return user.has(Role.CLERK) || user.has(Role.MEMBER) && memberships.seated(m, user.name());
    }

    private boolean draftReader(Committee.Meeting m) {
        return user.has(Role.FINANCE_OFFICER) || exemptReader(m);
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/account")
    String linkAccount(@PathVariable String code, @PathVariable long membership, @RequestParam(required = false) String username,
                       RedirectAttributes redirect) {
        try {
            memberships.linkAccount(code, membership, username);
            redirect.addFlashAttribute("notice", username == null || username.isBlank() ? "The sign-in name was unlinked." : "The seat is linked to "
                    + username.strip() + ".");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/committees/" + code + "#members");
        }
    }

    @PostMapping("/committees/{code}/members/{membership:[0-9]{1,18}}/removal")
    String removeSeat(@PathVariable String code, @PathVariable long membership, RedirectAttributes redirect) {
        try {
            memberships.removeSeat(code, membership);
            redirect.addFlashAttribute("notice", "The seat was removed.");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, new InputException("end-" + membership, e.problem()), Map.of(), "/committees/" + code + "#members");
        }
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/withdrawal")
    String withdraw(@PathVariable long id, @PathVariable int number, RedirectAttributes redirect) {
        try {
            agendas.withdraw(id, number);
            redirect.addFlashAttribute("notice", "Item " + number + " is withdrawn from the agenda.");
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/meetings/" + id + "#agenda");
        }
        return "redirect:/meetings/" + id + "#agenda";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/move")
    String move(@PathVariable long id, @PathVariable int number, @RequestParam(required = false) String direction,
                @RequestParam(defaultValue = "0") long item, RedirectAttributes redirect) {
        try {
            if (!"up".equals(direction) && !"down".equals(direction)) {
                throw new InputException("move", "Move an item up or down");
            }
            agendas.move(id, number, item, "up".equals(direction));
            redirect.addFlashAttribute("notice", "Item " + number + " moved " + direction + ".");
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/meetings/" + id + "#agenda");
        }
        return "redirect:/meetings/" + id + "#agenda";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/status")
    String meetingStatus(@PathVariable long id, @RequestParam(required = false) Committee.Status status, @RequestParam int version,
                         RedirectAttributes redirect) {
        try {
            Committee.Meeting m = meetings.status(id, status, version, LocalDateTime.now(CalendarFeed.COUNCIL));
            redirect.addFlashAttribute("notice", "The meeting is now: " + m.status().words().toLowerCase(Locale.UK) + ".");
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/meetings/" + id + "#meeting-status");
        } catch (ConflictException e) {
            return failed(redirect, new InputException("status", e.getMessage()), Map.of(), "/meetings/" + id + "#meeting-status");
        }
        return "redirect:/meetings/" + id;
    }

    @GetMapping("/committees/{code}/work-programme")
    String workProgramme(@PathVariable String code, @RequestParam(required = false) String from, Model model) {
        Committee c = committees.get(code);
        LocalDate asOf = date("from", from);
        LocalDateTime now = LocalDateTime.now(CalendarFeed.COUNCIL);
        model.addAttribute("p", programme.of(c, asOf == null ? now : asOf.atTime(LocalTime.MAX)));
        model.addAttribute("asOf", asOf);
        // An earlier programme, for a committee whose future is empty: as it stood after the last meeting it held.
        model.addAttribute("lastMeeting", meetings.meetings(c).stream().filter(m -> m.status() == Committee.Status.HELD && m.starts().isBefore(now))
                .map(m -> m.starts().toLocalDate()).reduce((a, b) -> b).orElse(null));
        model.addAttribute("clerk", user.has(Role.CLERK));
        errors(model);
        return "governance/work-programme";
    }

    @PostMapping("/committees/{code}/work-programme")
    String request(@PathVariable String code, @RequestParam(required = false) String requestTitle, @RequestParam(required = false) String requestedBy,
                   @RequestParam(required = false) Long meeting, RedirectAttributes redirect) {
        try {
            programme.request(committees.get(code), requestTitle, requestedBy, meeting, LocalDateTime.now(CalendarFeed.COUNCIL));
            redirect.addFlashAttribute("notice", "Added to the work programme.");
            return "redirect:/committees/" + code + "/work-programme";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("requestTitle", s(requestTitle), "requestedBy", s(requestedBy)), "/committees/" + code + "/work-programme#request");
        }
    }

    @PostMapping("/committees/{code}/members")
    String addMember(@PathVariable String code, @RequestParam(required = false) String name, @RequestParam(required = false) String party,
                     @RequestParam(required = false) Committee.Role role, @RequestParam(required = false) String start,
                     @RequestParam(required = false) String end, RedirectAttributes redirect) {
        try {
            memberships.addMember(code, name, party, role, date("start", start), date("end", end));
            redirect.addFlashAttribute("notice", name.strip() + " is now a member.");
            return "redirect:/committees/" + code + "#members";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("name", s(name), "party", s(party), "start", s(start), "end", s(end)), "/committees/" + code + "#add-member");
        }
    }

    @PostMapping("/committees/{code}/meetings")
    String schedule(@PathVariable String code, @RequestParam(required = false) String date, @RequestParam(required = false) String time,
                    @RequestParam(required = false) String until, @RequestParam(required = false) String location,
                    @RequestParam(required = false) String webcast, @RequestParam(required = false) Committee.Status status,
                    RedirectAttributes redirect) {
        try {
            java.util.List<InputException> unread = new java.util.ArrayList<>();
            Committee.Meeting m = meetings.schedule(code, InputException.read(unread, () -> date("date", date)), InputException.read(unread, () -> time("time", time)),
                    InputException.read(unread, () -> time("until", until)), location, webcast, status, unread);
            redirect.addFlashAttribute("notice", "Meeting scheduled.");
            return "redirect:/meetings/" + m.id();
        } catch (InputException e) {
            return failed(redirect, e, Map.of("date", s(date), "time", s(time), "until", s(until), "location", s(location), "webcast", s(webcast)),
                    "/committees/" + code + "#new-meeting");
        }
    }

    @GetMapping("/meetings/{id:[0-9]{1,18}}")
    String meeting(@PathVariable long id, Model model) {
        Committee.Meeting m = meetings.meeting(id);
        model.addAttribute("meeting", m);
        model.addAttribute("committee", committees.committeeOf(m));
        model.addAttribute("past", m.starts().toLocalDate().isBefore(LocalDate.now(CalendarFeed.COUNCIL)));
        boolean staff = exemptReader(m);
        model.addAttribute("exemptReader", staff);
        model.addAttribute("draftReader", draftReader(m));
        model.addAttribute("met", !m.starts().isAfter(LocalDateTime.now(CalendarFeed.COUNCIL)) && m.status() != Committee.Status.CANCELLED
                && m.status() != Committee.Status.POSTPONED);
        model.addAttribute("items", agendas.agenda(m, staff));
        model.addAttribute("sections", Committee.Section.values());
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("standingKinds", agendas.standingKinds());
        var published = store.packs(m.id());
        model.addAttribute("packs", published);
        model.addAttribute("packPublished", !published.isEmpty());
        model.addAttribute("packOutOfDate", !published.isEmpty() && store.agendaChangedSince(m.id(), published.get(0).publishedAt()));
        // The clerk starts the attendance from the committee's members that day, as the minutes print them, and strikes out the absent.
        model.addAttribute("membership", memberships.members(committees.committeeOf(m), m.starts().toLocalDate()).stream()
                .map(Committee.Member::printed)
                .collect(java.util.stream.Collectors.joining(", ")));
        model.addAttribute("statuses", Committee.Status.values());
        model.addAttribute("meetingVersion", meetings.version(m));
        model.addAttribute("minutes", minutes.of(m, staff).orElse(null));
        model.addAttribute("attendanceFields", ATTENDANCE_LABELS);
        model.addAttribute("nextMinute", minutes.next(m));
        java.util.List<Committee.Meeting> all = meetings.meetings(committees.committeeOf(m));
        // Minutes are approved at a later meeting that has met.
        LocalDateTime now = LocalDateTime.now(CalendarFeed.COUNCIL);
        model.addAttribute("laterMeetings", all.stream().filter(x -> x.starts().isAfter(m.starts()) && !x.starts().isAfter(now)
                && x.status() != Committee.Status.CANCELLED && x.status() != Committee.Status.POSTPONED).toList());
        Committee.Meeting previous = all.stream().filter(x -> x.starts().isBefore(m.starts())).reduce((a, b) -> b).orElse(null);
        model.addAttribute("urgent", decisions.urgentSince(previous, m));
        model.addAttribute("decided", decisions.atMeeting(m.id()));
        errors(model);
        return "governance/meeting";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items")
    String addItem(@PathVariable long id, @RequestParam(required = false) Committee.Section section, @RequestParam(required = false) String title,
                   @RequestParam(required = false) String description, @RequestParam(defaultValue = "false") boolean exempt,
                   @RequestParam(required = false) String standing, RedirectAttributes redirect) {
        // A standing item is chosen as KIND or KIND|SCOPE.
        String kind = standing == null || standing.isBlank() ? null : standing.split("\\|", 2)[0];
        String scope = standing != null && standing.contains("|") ? standing.split("\\|", 2)[1] : "";
        try {
            agendas.addItem(id, section, title, description, exempt, kind, scope);
            redirect.addFlashAttribute("notice", "Added to the agenda.");
            return "redirect:/meetings/" + id + "#agenda";
        } catch (InputException e) {
            return failed(redirect, e, Map.of("title", s(title), "description", s(description)), "/meetings/" + id + "#add-item");
        }
    }

    @GetMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}")
    String item(@PathVariable long id, @PathVariable int number, Model model) {
        Committee.Meeting m = meetings.meeting(id);
        Committee.Item i = agendas.item(m, number, exemptReader(m));
        model.addAttribute("meeting", m);
        model.addAttribute("committee", committees.committeeOf(m));
        model.addAttribute("item", i);
        // A report goes out with the agenda pack: until the pack is published it is a draft, for those who may read the draft pack.
        Committee.Report written = reports.report(i).orElse(null);
        boolean out = draftReader(m) || !store.packs(id).isEmpty();
        Committee.Report report = out ? written : null;
        model.addAttribute("report", report);
        model.addAttribute("reportToCome", written != null && !out);
        model.addAttribute("clerk", user.has(Role.CLERK));
        model.addAttribute("approvedOn", reports.approvedOn(m).orElse(null));
        model.addAttribute("verbs", Committee.Verb.values());
        model.addAttribute("decided", decisions.atItem(i.id()));
        model.addAttribute("decisions", user.has(Role.CLERK) ? decisions.all() : java.util.List.of());
        errors(model);
        // The form's boxes: what was typed into a form that could not be saved, else the report as saved.
        Map<String, String> values = new java.util.HashMap<>();
        values.put("classification", "Unrestricted");
        if (report != null) {
            String[] names = {"from", "to", "decisionNo", "classification", "pastPathway", "futurePathway", "electoralDivision", "summary",
                    "recommendation", "body"};
            String[] saved = {report.from(), report.to(), report.decisionNo(), report.classification(), report.pastPathway(), report.futurePathway(),
                    report.electoralDivision(), report.summary(), report.recommendation(), report.body()};
            for (int n = 0; n < names.length; n++) {
                values.put(names[n], saved[n] == null ? "" : saved[n]);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> typed = (Map<String, String>) model.getAttribute("typed");
        values.putAll(typed);
        model.addAttribute("values", values);
        return "governance/item";
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/items/{number:[0-9]{1,3}}/report")
    String saveReport(@PathVariable long id, @PathVariable int number, @RequestParam Map<String, String> form,
                      @RequestParam(required = false) Committee.Verb verb, @RequestParam(defaultValue = "-1") int version, RedirectAttributes redirect) {
        Committee.Meeting m = meetings.meeting(id);
        Committee.Item i = agendas.item(m, number, true);
        Function<String, String> f = k -> form.get(k) == null || form.get(k).isBlank() ? null : form.get(k).strip();
        try {
            reports.saveReport(i, new Committee.Report(i.id(), f.apply("from"), f.apply("to"), f.apply("decisionNo"), f.apply("classification"),
                    f.apply("pastPathway"), f.apply("futurePathway"), f.apply("electoralDivision"), f.apply("summary"), verb, f.apply("recommendation"),
                    f.apply("body"), 0), version);
            redirect.addFlashAttribute("notice", "Report saved.");
            return "redirect:/meetings/" + id + "/items/" + number;
        } catch (InputException e) {
            Map<String, String> typed = new java.util.HashMap<>();
            form.forEach((k, v) -> typed.put(k, s(v)));
            return failed(redirect, e, typed, "/meetings/" + id + "/items/" + number + "#report");
        } catch (ConflictException e) {
            FormErrors errors = new FormErrors();
            errors.add("report", e.getMessage());
            redirect.addFlashAttribute("errors", errors);
            return "redirect:/meetings/" + id + "/items/" + number;
        }
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

    private static Map<String, String> trimmed(Map<String, String> form) {
        Map<String, String> typed = new java.util.HashMap<>();
        form.forEach((k, v) -> typed.put(k, s(v)));
        return typed;
    }

    /** The latest agenda pack the public received, with its hash. */
    @GetMapping("/meetings/{id:[0-9]{1,18}}/pack.pdf")
    ResponseEntity<org.springframework.core.io.Resource> pack(@PathVariable long id) {
        return pack(id, store.packs(id).stream().findFirst());
    }

    /** Each version as it went out, so what was published stays where it was. */
    @GetMapping("/meetings/{id:[0-9]{1,18}}/pack/v{version:[1-9][0-9]{0,5}}.pdf")
    ResponseEntity<org.springframework.core.io.Resource> packVersion(@PathVariable long id, @PathVariable int version) {
        return pack(id, store.packs(id).stream().filter(p -> p.version() == version).findFirst());
    }

    private ResponseEntity<org.springframework.core.io.Resource> pack(long id, java.util.Optional<MeetingRepository.Pack> pack) {
        MeetingRepository.Pack p = pack.orElseThrow(() -> new NotFoundException("This meeting has no such agenda pack published"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(p.sha256())) + ":")
                .header("Content-Disposition", "inline; filename=\"agenda-pack-" + id + "-v" + p.version() + ".pdf\"").body(store.packBody(p.id()));
    }

    /**
     * The pack as it stands, exempt items included and marked for those who may read them: for clerks and finance officers (who read
     * drafts), and for the Members who sit on the committee, not every Member.
     */
    @GetMapping("/meetings/{id:[0-9]{1,18}}/pack/draft.pdf")
    ResponseEntity<byte[]> draftPack(@PathVariable long id) {
        Committee.Meeting m = meetings.meeting(id);
        if (!draftReader(m)) {
            throw new org.springframework.security.access.AccessDeniedException("The draft pack is for clerks, finance officers and the committee's members");
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(pack.assemble(m, exemptReader(m)).pdf());
    }

    @PostMapping("/meetings/{id:[0-9]{1,18}}/pack")
    String publishPack(@PathVariable long id, RedirectAttributes redirect) {
        Committee.Meeting m = meetings.meeting(id);
        java.time.OffsetDateTime from = store.now();
        AgendaPack.Assembled a = pack.assemble(m, false);
        try {
            int version = agendas.publishPack(m, a, from, user.name());
            redirect.addFlashAttribute("notice", "Published the agenda pack (version " + version + ", " + a.pages() + " pages).");
        } catch (InputException e) {
            return failed(redirect, e, Map.of(), "/meetings/" + id + "#pack");
        }
        return "redirect:/meetings/" + id + "#pack";
    }

    @GetMapping("/committees/{code}/meetings.ics")
    ResponseEntity<byte[]> committeeCalendar(@PathVariable String code) {
        Committee c = committees.get(code);
        return calendar(c.name() + " meetings", meetings.meetings(c));
    }

    @GetMapping("/meetings.ics")
    ResponseEntity<byte[]> allMeetings() {
        return calendar("Council committee meetings", meetings.meetings());
    }

    private ResponseEntity<byte[]> calendar(String name, java.util.List<Committee.Meeting> meetings) {
        Map<Long, Committee> byId = committees.all().stream().collect(Collectors.toMap(Committee::id, Function.identity()));
        String base = address.base();
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .body(CalendarFeed.write(name, meetings.stream().filter(m -> byId.containsKey(m.committeeId())).toList(), byId, base)
                        .getBytes(StandardCharsets.UTF_8));
    }

    private LocalDate date(String field, String text) {
        return date(conversion, field, text);
    }

    /** A date as typed in a governance form (12 3 2019), or null when the box is empty; the box named when it is not a date. */
    static LocalDate date(ConversionService conversion, String field, String text) {
        try {
            return text == null || text.isBlank() ? null : conversion.convert(text.strip(), LocalDate.class);
        } catch (ConversionFailedException e) {
            throw new InputException(field, e.getCause().getMessage());
        }
    }

    private static final Pattern TIME = Pattern.compile("(\\d{1,2})(?:[.:](\\d{2}))?\\s*(am|pm)?");

    /** A time as clerks write it: 10:00, 14.30, 10.00 am, 2pm. */
    static LocalTime time(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = TIME.matcher(text.strip().toLowerCase(Locale.UK).replace(" ", "").replace("a.m.", "am").replace("p.m.", "pm"));
        if (!m.matches()) {
            throw new InputException(field, "'" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "' is not a time: write it as 10:00 or 2.30 pm");
        }
        int hour = Integer.parseInt(m.group(1)), minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        if (m.group(3) != null) {
            if (hour < 1 || hour > 12) {
                throw new InputException(field, "'" + text.strip() + "' is not a time: with am or pm the hour is 1 to 12");
            }
            hour = hour % 12 + (m.group(3).equals("pm") ? 12 : 0);
        }
        if (hour > 23 || minute > 59) {
            throw new InputException(field, "'" + text.strip() + "' is not a time of day");
        }
        return LocalTime.of(hour, minute);
    }

    /** Back to the form with its error and what was typed (a huge box kept to its first 20,000 characters). */
    static String failed(RedirectAttributes redirect, InputException e, Map<String, String> typed, String back) {
        FormErrors errors = new FormErrors();
        errors.add(e);
        redirect.addFlashAttribute("errors", errors);
        Map<String, String> kept = new java.util.HashMap<>();
        typed.forEach((k, v) -> kept.put(k, v == null || v.length() <= 20_000 ? v : v.substring(0, 20_000)));
        redirect.addFlashAttribute("typed", kept);
        return "redirect:" + back;
    }

    private static void errors(Model model) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
    }

    private static String s(String text) {
        return text == null ? "" : text.length() > 5_000 ? text.substring(0, 5_000) : text;
    }
}
