package org.oversight.platform;

import java.util.Set;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting, and what they may touch: every module asks here rather than reading the security context. */
@Component("currentUser")
public class CurrentUser {

    private final Accounts accounts;

    CurrentUser(@org.springframework.context.annotation.Lazy Accounts accounts) {
        this.accounts = accounts;
    }

    private static Authentication authentication() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated() ? null : a;
    }

    /** The signed-in username; "system" for work the application does itself (start-up, demo data). */
    public String name() {
        Authentication a = authentication();
        return a == null ? "system" : a.getName();
    }

    /** The name people know the user by, as risk owners and the like are written in registers. */
    public String displayName() {
        return accounts.byUsername(name()).map(Account::displayName).orElse(name());
    }

    public boolean signedIn() {
        return authentication() != null;
    }

    public boolean has(Role role) {
        Authentication a = authentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals(role.authority()));
    }

    /** Drafts (unpublished figures and ratings) are for signed-in users only; the public sees what is published. */
    public boolean seesDrafts() {
        return signedIn();
    }

    /** The performance team enters any figure; a data owner only those of their divisions or indicators. */
    public boolean mayEnterFigures(String division, String indicatorRef) {
        if (has(Role.PERFORMANCE)) {
            return true;
        }
        if (!has(Role.DATA_OWNER)) {
            return false;
        }
        Account a = accounts.byUsername(name()).orElse(null);
        return a != null && ((division != null && a.divisions().contains(division)) || a.indicatorRefs().contains(indicatorRef));
    }

    public Set<String> divisions() {
        return accounts.byUsername(name()).map(Account::divisions).orElse(Set.of());
    }
}
