package org.oversight.governance;

import java.util.List;
import java.util.Locale;

import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.oversight.structure.Unit;
import org.oversight.structure.UnitRenamed;
import org.oversight.structure.Units;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The committees: each known by a code made from its name, no two of the same name, each overseeing
 * the directorate chosen from the structure (or none). Every change is recorded in the audit trail.
 */
@Service
class Committees {

    private final CommitteeRepository committees;
    private final ApplicationEventPublisher events;
    private final Units units;

    Committees(CommitteeRepository committees, ApplicationEventPublisher events, Units units) {
        this.committees = committees;
        this.events = events;
        this.units = units;
    }

    List<Committee> all() {
        return committees.committees();
    }

    Committee get(String code) {
        return committees.committee(code).orElseThrow(() -> new NotFoundException("There is no committee " + code));
    }

    Committee committeeOf(Committee.Meeting m) {
        return committees.committee(m.committeeId());
    }

    @Transactional
    Committee create(String name, Committee.Kind kind, String terms, String unit) {
        String named = Text.orNull(unit) == null ? null : units.names().resolve(unit, Unit.Kind.DIRECTORATE, null, "unit");
        String n = Written.line("name", name, "Give the committee's name", 200);
        if (kind == null) {
            throw new InputException("kind", "Choose what kind of committee it is");
        }
        if (terms != null && terms.length() > 20_000) {
            throw new InputException("terms", "Terms of reference are 20,000 characters or fewer");
        }
        String code = n.toLowerCase(Locale.UK).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        code = code.length() < 2 ? "committee-" + code : code.substring(0, Math.min(60, code.length())).replaceAll("-+$", "");
        committees.lockCommittees();
        if (committees.committees().stream().anyMatch(c -> c.name().equalsIgnoreCase(n))) {
            throw new InputException("name", "There is already a committee called " + n);
        }
        if (committees.committee(code).isPresent()) {
            throw new InputException("name", "The name gives the address /committees/" + code + ", which another committee has");
        }
        long id = committees.insertCommittee(code, n, kind, Text.orNull(terms));
        committees.setCommitteeUnit(id, named);
        Committee c = committees.committee(id);
        events.publishEvent(new Audited(Audited.Action.CREATE, "committee", c.code(), "Committee created: " + c.name(), null, c));
        return c;
    }

    /** The directorate whose business the committee oversees, chosen from the structure (blank: none). */
    @Transactional
    Committee oversees(String code, String unit) {
        Committee c = get(code);
        String named = Text.orNull(unit) == null ? null : units.names().resolve(unit, Unit.Kind.DIRECTORATE, null, "unit");
        committees.setCommitteeUnit(c.id(), named);
        Committee after = committees.committee(c.id());
        events.publishEvent(new Audited(Audited.Action.UPDATE, "committee", c.code(), "Committee " + c.name() + " oversees "
                + (named == null ? "no directorate" : named), c, after));
        return after;
    }

    /** A directorate renamed in the structure is still the one its committee oversees; agendas not yet approved follow it. A reaction: it follows the rename's commit. */
    @ApplicationModuleListener
    void on(UnitRenamed renamed) {
        committees.renameUnit(renamed.before(), renamed.after());
    }
}
