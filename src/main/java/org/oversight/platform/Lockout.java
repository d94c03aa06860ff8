package org.oversight.platform;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.oversight.shared.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five failed sign-ins in a row lock an account for 15 minutes; a success clears the count.
 * The attempts on one account take turns: each is checked against the lock and counted before
 * the next is checked, so forty wrong passwords sent at once have five checked, not forty.
 */
@Component
class Lockout implements AuthenticationProvider {

    static final int MAX_FAILED_LOGINS = 5;
    static final int LOCK_MINUTES = 15;

    private final DaoAuthenticationProvider passwords;
    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;
    private final Map<String, Turn> turns = new ConcurrentHashMap<>();

    Lockout(AccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.passwords = new DaoAuthenticationProvider(new SignIns(accounts));
        this.passwords.setPasswordEncoder(encoder);
        this.accounts = accounts;
        this.events = events;
    }

    /** The attempts waiting for, or taking, their turn on one account; forgotten when none is left. */
    private static final class Turn extends ReentrantLock {
        private int attempts;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        // Usernames are unique whatever their case: 'Admin' waits for the same turn as 'admin'.
        String key = username.toLowerCase(Locale.ROOT);
        Turn turn = turns.compute(key, (k, t) -> {
            Turn waiting = t == null ? new Turn() : t;
            waiting.attempts++;
            return waiting;
        });
        turn.lock();
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            accounts.clearFailures(username);
            return signedIn;
        } catch (BadCredentialsException e) {
            accounts.countFailure(username, MAX_FAILED_LOGINS, LOCK_MINUTES);
            throw e;
        } finally {
            turn.unlock();
            turns.computeIfPresent(key, (k, t) -> --t.attempts == 0 ? null : t);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    // Spring Security's event, not a module's: it carries the password typed, which must never be written to the event registry.
    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent e) {
        String username = e.getAuthentication().getName();
        // Anyone can type anything as a user name: the trail keeps a bounded, printable part of it.
        String shown = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        shown = shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
        events.publishEvent(new Audited(Audited.Action.SIGN_IN_FAILED, "user", shown, "Failed sign-in for " + shown, null, null));
    }
}
