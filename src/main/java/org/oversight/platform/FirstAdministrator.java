package org.oversight.platform;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a start with no enabled administrator, creates one: with the password from
 * OVERSIGHT_ADMIN_PASSWORD, or a one-time password printed once, to be changed at first sign-in.
 */
@Component
class FirstAdministrator implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final String password;

    FirstAdministrator(AccountRepository accounts, PasswordEncoder encoder, TransactionTemplate tx,
                       @Value("${oversight.admin-password:${OVERSIGHT_ADMIN_PASSWORD:}}") String password) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.tx = tx;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(s -> {
            if (accounts.hasAdministrator()) {
                return;
            }
            boolean generated = password.isBlank();
            String chosen = generated ? oneTimePassword() : password;
            String username = accounts.taken("admin") ? "admin-" + System.currentTimeMillis() : "admin";
            accounts.insert(username, "Administrator", encoder.encode(chosen), EnumSet.of(Role.ADMIN), Set.of(), Set.of(), generated);
            if (generated) {
                log.warn("\n\n    Oversight created the administrator '{}' with the one-time password  {}\n"
                        + "    Sign in at /login and choose a new password. This is the only time it is shown.\n", username, chosen);
            } else {
                log.info("Oversight created the administrator '{}' with the password from OVERSIGHT_ADMIN_PASSWORD", username);
            }
        });
    }

    private static String oneTimePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
