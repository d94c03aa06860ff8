package org.oversight.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.oversight.platform.DisplayFormat;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The council's terms of office, from one election to the next: named, never overlapping. Every change is recorded in the audit trail. */
@Service
class TermsOfOffice {

    private final CommitteeRepository committees;
    private final ApplicationEventPublisher events;

    TermsOfOffice(CommitteeRepository committees, ApplicationEventPublisher events) {
        this.committees = committees;
        this.events = events;
    }

    List<Committee.Term> terms() {
        return committees.terms();
    }

    /** A term of office of the council: named, from its first day, to its last if it has ended; terms do not overlap. */
    @Transactional
    Committee.Term addTerm(String name, LocalDate start, LocalDate end) {
        String n = Written.line("termName", name, "Name the term, such as 2017 to 2021", 200);
        if (start == null) {
            throw new InputException("termStart", "Give the term's first day, such as 4 5 2017");
        }
        if (end != null && !end.isAfter(start)) {
            throw new InputException("termEnd", "The term ends on " + DisplayFormat.dateWords(end) + ", not after it starts on " + DisplayFormat.dateWords(start));
        }
        committees.lockTerms();
        for (Committee.Term t : committees.terms()) {
            if ((t.end() == null || !start.isAfter(t.end())) && (end == null || !end.isBefore(t.start()))) {
                throw new InputException("termStart", "That overlaps the term " + t.name() + " (from " + DisplayFormat.dateWords(t.start())
                        + (t.end() == null ? ", still running): end it first" : " to " + DisplayFormat.dateWords(t.end()) + ")"));
            }
        }
        long id = committees.insertTerm(n, start, end);
        Committee.Term t = committees.terms().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        events.publishEvent(new Audited(Audited.Action.CREATE, "legislative_term", Long.toString(id), "Term of office added: " + n, null, t));
        return t;
    }

    /** Ends a running term of office on its last day (after it began). */
    @Transactional
    void endLegislativeTerm(long id, LocalDate end) {
        if (end == null) {
            throw new InputException("termEnd-" + id, "Give the term's last day, such as 5 5 2021");
        }
        committees.lockTerms();
        if (!committees.endTerm(id, end)) {
            throw new InputException("termEnd-" + id, "That term has ended already, or began on or after " + DisplayFormat.dateWords(end));
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "legislative_term", Long.toString(id), "Term of office ended on " + DisplayFormat.dateWords(end),
                null, Map.of("end", end.toString())));
    }

    /** Removes a term entered in error; the open data keep it as deleted. */
    @Transactional
    void deleteTerm(long id) {
        if (!committees.deleteTerm(id)) {
            throw new NotFoundException("There is no term " + id);
        }
        events.publishEvent(new Audited(Audited.Action.DELETE, "legislative_term", Long.toString(id), "Term of office removed", null, null));
    }
}
