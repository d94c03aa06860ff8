package org.oversight.platform;

import java.time.OffsetDateTime;
import java.util.Set;

/** A user of Oversight. No password hash is ever shown or serialised. */
public record Account(Long id, String username, String displayName, Set<Role> roles, Set<String> divisions,
                      Set<String> indicatorRefs, boolean enabled, int failedLogins, OffsetDateTime lockedUntil,
                      boolean mustChangePassword, boolean singleSignOn, int version, OffsetDateTime passwordChangedAt) {

    public boolean locked() {
        return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now());
    }
}
