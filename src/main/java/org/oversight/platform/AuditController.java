package org.oversight.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.oversight.shared.CellText;
import org.oversight.shared.FormErrors;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The audit trail searched: a page at a time, the whole search as CSV, and the same for programs. */
@Controller
class AuditController {

    /** Entries on a page of the audit trail. */
    static final int AUDIT_PAGE = 100;

    /** The record types the search offers, each as the trail names it. */
    private static final List<String> TYPES = List.of("indicator", "observation", "target", "scorecard", "dashboard", "user", "risk", "risk-action",
            "risk-control", "risk-register");

    private final AuditTrail audit;
    private final CurrentUser user;
    private final ConversionService conversion;
    private final DisplayFormat fmt;

    AuditController(AuditTrail audit, CurrentUser user, ConversionService conversion, DisplayFormat fmt) {
        this.audit = audit;
        this.user = user;
        this.conversion = conversion;
        this.fmt = fmt;
    }

    @GetMapping("/audit")
    String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String type,
                 @RequestParam(required = false) String record, @RequestParam(defaultValue = "1") int page, Model model) {
        // The dates as typed: one that cannot be read is shown at its box, with the search kept, not on a page of its own.
        FormErrors errors = new FormErrors();
        LocalDate fromDate = date("from", "From", from, errors), toDate = date("to", "To", to, errors);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            errors.add("to", "To: the end of the search must be on or after its start, " + DisplayFormat.shortDate(fromDate));
        }
        int shown = Math.max(1, Math.min(page, 100_000 / AUDIT_PAGE));
        List<AuditTrail.Entry> entries = !errors.any()
                ? audit.search(actor, fromDate, toDate, type, record, AUDIT_PAGE + 1, (shown - 1) * AUDIT_PAGE, user.has(Role.ADMIN)) : List.of();
        model.addAttribute("errors", errors);
        model.addAttribute("entries", entries.subList(0, Math.min(AUDIT_PAGE, entries.size())));
        model.addAttribute("page", shown);
        model.addAttribute("more", entries.size() > AUDIT_PAGE);
        model.addAttribute("q", new HashMap<>(Map.of("actor", s(actor), "from", fromDate == null ? "" : fromDate.toString(),
                "to", toDate == null ? "" : toDate.toString(), "type", s(type), "record", s(record),
                "fromShown", fromDate == null ? s(from) : typed(fromDate), "toShown", toDate == null ? s(to) : typed(toDate))));
        model.addAttribute("types", types(s(type)));
        return "platform/audit";
    }

    /** The types to choose from; several at once (an indicator with its figures and targets, from its page) as one more choice. */
    private Map<String, String> types(String chosen) {
        Map<String, String> out = new LinkedHashMap<>();
        if (chosen.contains(",")) {
            out.put(chosen, fmt.words(chosen.replace(",", ", ")));
        }
        TYPES.forEach(t -> out.put(t, fmt.words(t)));
        return out;
    }

    /** A filter's date read as every date box reads it; null when blank, or when it cannot be read (the error then added). */
    private LocalDate date(String field, String label, String text, FormErrors errors) {
        try {
            return conversion.convert(text, LocalDate.class);
        } catch (ConversionFailedException e) {
            errors.add(field, label + ": " + e.getCause().getMessage());
            return null;
        }
    }

    /** A date as the filter's hint writes it: 1 4 2019. */
    private static String typed(LocalDate d) {
        return d == null ? "" : d.getDayOfMonth() + " " + d.getMonthValue() + " " + d.getYear();
    }

    /** The same search as a CSV file, every match (up to 100,000), for the council's own records and auditors. */
    @GetMapping("/audit/export.csv")
    ResponseEntity<byte[]> auditCsv(@RequestParam(required = false) String actor, @RequestParam(required = false) LocalDate from,
                                    @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String record) throws IOException {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord("at", "actor", "action", "record_type", "record_id", "summary", "before", "after");
            for (AuditTrail.Entry e : audit.search(actor, from, to, type, record, 100_000, 0, user.has(Role.ADMIN))) {
                csv.printRecord(e.at(), CellText.neutralise(e.actor()), e.action(), e.recordType(), CellText.neutralise(e.recordId()), CellText.neutralise(e.summary()),
                        CellText.neutralise(e.before()), CellText.neutralise(e.after()));
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-trail.csv\"")
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The same for programs: the newest entries that match, at most 1,000. */
    @GetMapping("/api/audit")
    @ResponseBody
    List<AuditTrail.Entry> api(@RequestParam(required = false) String actor, @RequestParam(required = false) LocalDate from,
                               @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String type,
                               @RequestParam(required = false) String record, @RequestParam(defaultValue = "200") int limit) {
        return audit.search(actor, from, to, type, record, Math.min(limit, 1000), 0, user.has(Role.ADMIN));
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }
}
