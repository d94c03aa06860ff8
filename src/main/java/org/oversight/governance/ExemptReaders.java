package org.oversight.governance;

import org.oversight.platform.CurrentUser;
import org.oversight.platform.Role;
import org.springframework.stereotype.Component;

/** Who reads a meeting's exempt items and its draft pack, which the public never sees. */
@Component
class ExemptReaders {

    private final CurrentUser user;
    private final Memberships memberships;

    ExemptReaders(CurrentUser user, Memberships memberships) {
        this.user = user;
        this.memberships = memberships;
    }

    /** Clerks read every exempt item; a Member those of the committees they sit on (their seat linked to their sign-in). */
    boolean exempt(Committee.Meeting m) {
        return user.has(Role.CLERK) || user.has(Role.MEMBER) && memberships.seated(m, user.name());
    }

    /** The draft pack: finance officers read it too, without its exempt items. */
    boolean drafts(Committee.Meeting m) {
        return user.has(Role.FINANCE_OFFICER) || exempt(m);
    }
}
