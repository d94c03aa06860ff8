package org.oversight.publishing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exception reports for Red indicators, one per indicator and month: why, what action, by when,
 * who owns it; or the performance team's waiver with its reason. Saved with optimistic locking and
 * recorded in the audit trail.
 */
@Service
class ExceptionNotes {

    record Note(long indicatorId, YearMonth month, String why, String action, LocalDate due, String owner, boolean waived, String waiver,
                String writtenBy, OffsetDateTime writtenAt, int version) {
    }

    /** What the writer wrote, and who they are. */
    record Written(String why, String action, LocalDate due, String owner, boolean waived, String waiver, String by) {
    }

    private final ExceptionNoteRepository notes;
    private final ApplicationEventPublisher events;

    ExceptionNotes(ExceptionNoteRepository notes, ApplicationEventPublisher events) {
        this.notes = notes;
        this.events = events;
    }

    Map<Long, Note> forMonth(YearMonth month, Collection<Long> indicators) {
        return notes.forMonth(month, indicators);
    }

    /**
     * Writes (or rewrites) an indicator's exception for a month; {@code version} is the one the writer
     * read (-1 for none yet). A waiver needs its reason; an exception needs all four parts.
     */
    @Transactional
    Note save(long indicator, String ref, YearMonth month, String why, String action, LocalDate due, String owner, boolean waived, String waiver,
              String user, int version) {
        if (waived) {
            require("waiver", waiver, "Say why the exception report is waived", 2000);
        } else {
            require("why", why, "Say why the indicator is Red", 4000);
            require("action", action, "Say what action is being taken", 4000);
            if (due == null) {
                throw new InputException("due", "Say by when, as a date such as 31 3 2019");
            }
            require("owner", owner, "Say who owns the action", 200);
        }
        Note was = forMonth(month, List.of(indicator)).get(indicator);
        Written written = new Written(why, action, due, owner, waived, waiver, user);
        if (was == null && version != -1) {
            throw new ConflictException("Someone removed this exception report while you were writing; read it again.");
        }
        if (!(was == null ? notes.insert(indicator, month, written) : notes.update(indicator, month, written, version))) {
            throw new ConflictException("Someone saved this exception report while you were writing: nothing was saved. Read theirs, then write yours again.");
        }
        Note now = forMonth(month, List.of(indicator)).get(indicator);
        events.publishEvent(new Audited(was == null ? Audited.Action.CREATE : Audited.Action.UPDATE, "exception", ref + ":" + month,
                (waived ? "Exception report waived for " : "Exception report written for ") + ref + ", " + month, was, now));
        return now;
    }

    private static void require(String field, String text, String missing, int max) {
        if (Text.orNull(text) == null) {
            throw new InputException(field, missing);
        }
        if (text.length() > max) {
            throw new InputException(field, "Write " + max + " characters or fewer");
        }
    }
}
