package org.oversight.platform;

import org.springframework.context.annotation.Lazy;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** Who is acting, and what they may touch: every module asks here rather than reading the security context. */
@Component("currentUser")
public class CurrentUser {

    static final String ACCOUNT = CurrentUser.class.getName() + ".account";

    private final Accounts accounts;

    CurrentUser(@Lazy Accounts accounts) {
        this.accounts = accounts;
    }

    private static Authentication authentication() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null || a instanceof AnonymousAuthenticationToken || !a.isAuthenticated() ? null : a;
    }

    /** The signed-in username; 'system' for work the application does itself (start-up, demo data). */
    public String name() {
        Authentication a = authentication();
        return a == null ? "system" : a.getName();
    }

    /** The name people know the user by, as risk owners and the like are written in registers. */
    public String displayName() {
        Account a = account();
        return a == null ? name() : a.displayName();
    }

    /**
     * The signed-in user's account, read once per web request: an import asks for every row and
     * a page for every indicator, and the answer cannot change within the request.
     */
    Account account() {
        String name = name();
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return accounts.byUsername(name).orElse(null);
        }
        if (request.getAttribute(ACCOUNT, RequestAttributes.SCOPE_REQUEST) instanceof Account a && a.username().equals(name)) {
            return a;
        }
        Account a = accounts.byUsername(name).orElse(null);
        if (a != null) {
            request.setAttribute(ACCOUNT, a, RequestAttributes.SCOPE_REQUEST);
        }
        return a;
    }

    public boolean signedIn() {
        return authentication() != null;
    }

    public boolean has(Role role) {
        Authentication a = authentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().equals(role.authority()));
    }

    /**
     * Drafts (unpublished figures and ratings) are for users with a role; the public, and anyone
     * signed in whose account has no role (an SSO user whose groups map to none), see what is published.
     */
    public boolean seesDrafts() {
        Authentication a = authentication();
        return a != null && a.getAuthorities().stream().anyMatch(g -> g.getAuthority().startsWith("ROLE_"));
    }

    /** The performance team enters any figure; a data owner only those of their divisions or indicators. */
    public boolean mayEnterFigures(String division, String indicatorRef) {
        if (has(Role.PERFORMANCE)) {
            return true;
        }
        if (!has(Role.DATA_OWNER)) {
            return false;
        }
        Account a = account();
        return a != null && ((division != null && a.divisions().contains(division)) || a.indicatorRefs().contains(indicatorRef));
    }
}
