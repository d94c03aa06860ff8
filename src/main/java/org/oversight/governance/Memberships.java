package org.oversight.governance;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.oversight.platform.Accounts;
import org.oversight.platform.DisplayFormat;
import org.oversight.platform.Role;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who sits on each committee: a person on a committee once at a time, one chairman and one vice-chairman at a
 * time, a seat linked to its councillor's sign-in. Every change is recorded in the audit trail.
 */
@Service
class Memberships {

    private final Committees committees;
    private final CommitteeRepository store;
    private final ApplicationEventPublisher events;
    private final Accounts accounts;

    Memberships(Committees committees, CommitteeRepository store, ApplicationEventPublisher events, Accounts accounts) {
        this.committees = committees;
        this.store = store;
        this.events = events;
        this.accounts = accounts;
    }

    List<Committee.Member> members(Committee c, LocalDate on) {
        return store.members(c.id(), on);
    }

    List<Committee.Member> former(Committee c, LocalDate on) {
        return store.former(c.id(), on);
    }

    /** Whether the signed-in Member sits on the meeting's committee (today, or on the meeting's day). */
    boolean seated(Committee.Meeting m, String username) {
        return username != null && (store.seated(m.committeeId(), username, LocalDate.now(CalendarFeed.COUNCIL))
                || store.seated(m.committeeId(), username, m.starts().toLocalDate()));
    }

    /** Seats a person on the committee; refused if they already sit on it for any day of the new term. */
    @Transactional
    void addMember(String code, String name, String party, Committee.Role role, LocalDate start, LocalDate end) {
        Committee c = committees.get(code);
        String n = Written.line("name", name, "Give the member's name", 200);
        if (party != null && party.length() > 200) {
            throw new InputException("party", "A party's name is 200 characters or fewer");
        }
        if (role == null) {
            throw new InputException("role", "Choose the member's role");
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new InputException("end", "The term ends on " + DisplayFormat.dateWords(end) + ", before it starts on " + DisplayFormat.dateWords(start));
        }
        store.lock(c.id());
        long person = store.person(n, Text.orNull(party));
        if (!store.overlapping(c.id(), person, null, start, end).isEmpty()) {
            throw new InputException("name", n + " is already a member of " + c.name() + " for some of that time: end the earlier term first");
        }
        if (role == Committee.Role.CHAIRMAN || role == Committee.Role.VICE_CHAIRMAN) {
            for (Committee.Member other : store.overlapping(c.id(), null, role, start, end)) {
                throw new InputException("role", other.name() + " is " + role.words() + " of " + c.name() + " for some of that time: end that term first");
            }
        }
        store.insertMember(c.id(), person, role, start, end);
        events.publishEvent(new Audited(Audited.Action.CREATE, "membership", c.code() + ":" + n, n + " joined " + c.name() + " as " + role.words(),
                null, Map.of("committee", c.code(), "person", n, "role", role.name())));
    }

    /** Ends a member's term on {@code end} (on or after it began); the seat stays in the record with its dates. Refused at the seat's row. */
    @Transactional
    void endTerm(String code, long membership, LocalDate end) {
        Committee c = committees.get(code);
        if (end == null) {
            throw new InputException("end-" + membership, "Give the last day of the term, such as 31 3 2019");
        }
        if (!store.endMembership(c.id(), membership, end)) {
            throw new InputException("end-" + membership, "That term has ended already, is not on this committee, or began after " + DisplayFormat.dateWords(end));
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "membership", Long.toString(membership), "A term on " + c.name() + " ended on " + end,
                null, Map.of("end", end.toString())));
    }

    /** Removes a seat entered in error (a term that ended is ended instead); the open data keep it as deleted. Refused at the seat's row. */
    @Transactional
    void removeSeat(String code, long membership) {
        Committee c = committees.get(code);
        if (!store.deleteMembership(c.id(), membership)) {
            throw new InputException("end-" + membership, "That seat is not on this committee, or has been removed already");
        }
        events.publishEvent(new Audited(Audited.Action.DELETE, "membership", Long.toString(membership), "A seat on " + c.name() + " removed as entered in error",
                null, null));
    }

    /**
     * Links a seated councillor to their sign-in name (blank unlinks), so that as a Member they read the
     * exempt items and draft packs of the committees they sit on. The account must exist and be a Member's.
     */
    @Transactional
    void linkAccount(String code, long membership, String username) {
        Committee c = committees.get(code);
        String u = Text.orNull(username);
        if (u != null) {
            var account = accounts.byUsername(u).orElseThrow(() -> new InputException("account-" + membership, "There is no user " + u
                    + ": the administrator adds them first"));
            if (!account.roles().contains(Role.MEMBER)) {
                throw new InputException("account-" + membership, u + " does not have the Member role: the administrator gives it first");
            }
            var other = store.otherPersonWithAccount(u, membership);
            if (other.isPresent()) {
                throw new InputException("account-" + membership, u + " is linked to " + other.get() + " already");
            }
        }
        if (!store.linkAccount(c.id(), membership, u)) {
            throw new InputException("account-" + membership, "That seat is not on this committee");
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "membership", Long.toString(membership), u == null ? "Sign-in name unlinked from a seat on "
                + c.name() : "Seat on " + c.name() + " linked to the sign-in name " + u, null, Collections.singletonMap("username", u)));
    }
}
