package org.oversight.governance;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The rows the open-data API (OParl) serves, as the repositories read them: each kind's own columns with its
 * dates, a deleted row kept as its dates alone. Exempt items and their reports are never among them.
 */
final class OpenData {

    private OpenData() {
    }

    /** Which rows of a kind a list serves: changed or created on or after a time (either null: any time), and which page of them. */
    record Window(OffsetDateTime modifiedSince, OffsetDateTime createdSince, long offset, int size) {
    }

    /** One page of a kind's list: how many rows the list has in all, and this page's ids in order. */
    record Page(long total, List<Long> ids) {
    }

    /** When a row was created and last changed; {@code deleted} when it was deleted (served as a tombstone), else null. */
    record Stamps(OffsetDateTime created, OffsetDateTime modified, OffsetDateTime deleted) {
    }

    record Organization(long id, Stamps stamps, String code, String name, Committee.Kind kind) {
    }

    record Person(long id, Stamps stamps, String name, String party) {
    }

    record Membership(long id, Stamps stamps, long personId, long committeeId, Committee.Role role, LocalDate start, LocalDate end) {
    }

    record LegislativeTerm(long id, Stamps stamps, String name, LocalDate start, LocalDate end) {
    }

    record Meeting(long id, Stamps stamps, long committeeId, String committee, LocalDateTime starts, boolean timed, LocalDateTime ends,
                   Committee.Status status) {
    }

    record AgendaItem(long id, Stamps stamps, long meetingId, int number, String title) {
    }

    /** A report, known by its item's id: created with its item, changed when it is. */
    record Paper(long itemId, long meetingId, int number, String title, String decisionNo, LocalDateTime meetingStarts, OffsetDateTime created,
                 OffsetDateTime modified) {
    }

    /** A report as the committee is consulted on it, known by its item's id; {@code verb} what the committee is asked to do, if given. */
    record Consultation(long itemId, long meetingId, long committeeId, String verb, OffsetDateTime created, OffsetDateTime modified) {
    }

    /** An agenda pack as published; {@code size} in bytes. */
    record File(long id, long meetingId, int version, OffsetDateTime published, int size) {
    }

    /** A meeting's place, known by the meeting's id. */
    record Location(long meetingId, String description, OffsetDateTime created, OffsetDateTime modified) {
    }
}
