package org.oversight.platform;

import org.oversight.shared.Audited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Five failed sign-ins in a row lock an account for 15 minutes; a success clears the count. */
@Component
class Lockout {

    static final int MAX_FAILED_LOGINS = 5;
    static final int LOCK_MINUTES = 15;

    private final AccountRepository accounts;
    private final ApplicationEventPublisher events;

    Lockout(AccountRepository accounts, ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.events = events;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent e) {
        String username = e.getAuthentication().getName();
        accounts.countFailure(username, MAX_FAILED_LOGINS, LOCK_MINUTES);
        // Anyone can type anything as a user name: the trail keeps a bounded, printable part of it.
        String shown = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        shown = shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
        events.publishEvent(new Audited(Audited.Action.SIGN_IN_FAILED, "user", shown, "Failed sign-in for " + shown, null, null));
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent e) {
        accounts.clearFailures(e.getAuthentication().getName());
    }
}
