package org.oversight.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.oversight.shared.Audited;
import org.oversight.shared.Recorded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every {@link Recorded} event (plain {@link Audited} changes among them) in the
 * transaction that made it, and searches the trail; one listener among the modules that may listen.
 * Nothing here updates or deletes: the table refuses it (see V2__platform.sql).
 */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final JsonMapper json;
    private final CurrentUser user;

    AuditTrail(AuditRepository repository, JsonMapper json, CurrentUser user) {
        this.repository = repository;
        this.json = json;
        this.user = user;
    }

    // A rule, not a reaction: synchronous, in the act's transaction, so that an act without its record does not commit.
    @EventListener
    void record(Recorded event) {
        Audited e = event.audited();
        repository.insert(user.name(), e.action().name(), e.recordType(), e.recordId(), e.summary(),
                e.before() == null ? null : json.writeValueAsString(e.before()), e.after() == null ? null : json.writeValueAsString(e.after()));
    }

    public record Entry(long id, OffsetDateTime at, String actor, String action, String recordType, String recordId,
                        String summary, String before, String after) {
    }

    /**
     * Newest first. {@code record} matches a record and its parts ('7' finds '7' and '7:2019-01');
     * {@code type} is one record type or several separated by commas.
     */
    public List<Entry> search(String actor, LocalDate from, LocalDate to, String type, String record, int limit) {
        return search(actor, from, to, type, record, limit, 0, true);
    }

    /** Records about people and their access: an administrator's to read, not the performance or risk team's. */
    static final List<String> PEOPLE = List.of("user", "api-token");

    /**
     * The same, {@code offset} entries on: a page of the trail. At most 100,000 at a time. Without
     * {@code people}, the records about accounts and tokens ({@link #PEOPLE}) are left out.
     */
    public List<Entry> search(String actor, LocalDate from, LocalDate to, String type, String record, int limit, int offset, boolean people) {
        return repository.search(actor, from, to, type, record, limit, offset, people);
    }
}
