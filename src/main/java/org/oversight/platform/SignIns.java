package org.oversight.platform;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Local accounts as the sign-in form checks them (in {@link Lockout}'s turn): password hash, roles, disabled or locked. */
class SignIns implements UserDetailsService {

    private final AccountRepository accounts;

    SignIns(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        AccountRepository.Row row = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        if (row.hash() == null) {
            throw new UsernameNotFoundException(username + " signs in with single sign-on");
        }
        Account a = row.account();
        return User.withUsername(a.username()).password(row.hash()).disabled(!a.enabled()).accountLocked(a.locked())
                .authorities(a.roles().stream().map(Role::authority).toArray(String[]::new)).build();
    }
}
