package org.oversight.platform;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A signed-in session answers to the account as it is now, not as it was at sign-in: a disabled
 * or locked account, or one whose password changed since, ends the session; changed roles apply
 * from the next request. Runs before the web chain decides what the request may do.
 */
class SessionAccounts extends OncePerRequestFilter {

    /** When this session's sign-in (or its own password change) happened. */
    static final String SIGNED_IN_AT = "oversight.signedInAt";

    private final Accounts accounts;

    SessionAccounts(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken) && session != null) {
            Account a = accounts.byUsername(auth.getName()).orElse(null);
            // The page asks for the account again (CurrentUser): it is read once per request.
            if (a != null) {
                request.setAttribute(CurrentUser.ACCOUNT, a);
            }
            OffsetDateTime signedInAt = (OffsetDateTime) session.getAttribute(SIGNED_IN_AT);
            if (signedInAt == null) {
                signedInAt = OffsetDateTime.now();
                session.setAttribute(SIGNED_IN_AT, signedInAt);
            }
            if (a == null || !a.enabled() || a.locked() || (a.passwordChangedAt() != null && a.passwordChangedAt().isAfter(signedInAt))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            } else {
                Set<String> now = a.roles().stream().map(Role::authority).collect(Collectors.toSet());
                Set<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(g -> g.startsWith("ROLE_")).collect(Collectors.toSet());
                if (!now.equals(held)) {
                    UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(auth.getPrincipal(), null,
                            now.stream().map(SimpleGrantedAuthority::new).toList());
                    refreshed.setDetails(auth.getDetails());
                    SecurityContextHolder.getContext().setAuthentication(refreshed);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
