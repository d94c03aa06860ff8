package org.oversight;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.oversight.platform.Accounts;
import org.oversight.platform.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Users for tests: one per role (made once per run), and acting as someone in service-level tests. */
@Component
public class TestUsers {

    public static final String PASSWORD = "correct-horse-battery-staple";
    private static final Set<String> made = ConcurrentHashMap.newKeySet();

    private final Accounts accounts;

    TestUsers(Accounts accounts) {
        this.accounts = accounts;
    }

    /** A signed-in user with exactly this role, whose password need not be changed. */
    public String with(Role role, String... divisions) {
        String username = "test-" + role.name().toLowerCase() + (divisions.length == 0 ? "" : "-" + Math.abs(Arrays.hashCode(divisions)));
        if (made.add(username) && accounts.byUsername(username).isEmpty()) {
            long id = accounts.create(username, "Test " + role.title(), PASSWORD + "-first", EnumSet.of(role), Set.of(divisions), Set.of());
            actAs(username, EnumSet.of(role));
            accounts.changePassword(username, PASSWORD + "-first", PASSWORD);
            SecurityContextHolder.clearContext();
            accounts.get(id);
        }
        return username;
    }

    /** Runs the rest of the test thread as this user, as the web layer would after sign-in. */
    public static void actAs(String username, Set<Role> roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
    }

    public static void actAs(String username, Role role) {
        actAs(username, EnumSet.of(role));
    }
}
