package org.oversight.platform;

import org.oversight.structure.Unit;
import org.oversight.structure.UnitRenamed;
import org.oversight.structure.Units;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts as other modules and the administrators see them: who there is, and every change to them, audited. */
@Service
public class Accounts {

    private final Units units;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    Accounts(AccountRepository accounts, PasswordEncoder encoder, ApplicationEventPublisher events, Units units) {
        this.units = units;
        this.accounts = accounts;
        this.encoder = encoder;
        this.events = events;
    }

    public Optional<Account> byUsername(String username) {
        return accounts.find(username).map(AccountRepository.Row::account);
    }

    public List<Account> all() {
        return accounts.all();
    }

    public Account get(long id) {
        return accounts.get(id);
    }

    /** A new local account; the user must choose their own password at first sign-in. */
    @Transactional
    public long create(String username, String displayName, String password, Set<Role> roles, Set<String> divisions, Set<String> refs) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new InputException("username", "a username is 2 to 64 letters, digits or . _ @ -");
        }
        PasswordPolicy.check(password);
        Text.bounded("displayName", displayName, Text.NAME);
        divisions = checkScope(divisions, refs);
        if (accounts.taken(username)) {
            throw new InputException("username", "the username '" + username + "' is taken (in capitals or not)");
        }
        long id = accounts.insert(username, Text.orNull(displayName) == null ? username : displayName.strip(), encoder.encode(password), roles,
                divisions, refs, true);
        events.publishEvent(new Audited(Audited.Action.CREATE, "user", String.valueOf(id), "User " + username + " created", null, get(id)));
        return id;
    }

    /**
     * What a data owner looks after, however it came (ticked, or from the API): as many as a page can show, each a division
     * of the council's structure, kept under its one name.
     */
    private Set<String> checkScope(Set<String> divisions, Set<String> refs) {
        if (divisions.size() > 100) {
            throw new InputException("divisions", "give at most 100 divisions (" + divisions.size() + " were given)");
        }
        if (refs.size() > 500) {
            throw new InputException("indicatorRefs", "give at most 500 indicators (" + refs.size() + " were given)");
        }
        for (String d : divisions) {
            if (d == null || d.isBlank() || d.length() > Text.NAME || d.chars().anyMatch(Character::isISOControl)) {
                throw new InputException("divisions", "a division's name is 1 to " + Text.NAME + " characters on one line");
            }
        }
        for (String r : refs) {
            if (r == null || r.isBlank() || r.length() > 30 || r.chars().anyMatch(Character::isISOControl)) {
                throw new InputException("indicatorRefs", "an indicator reference is 1 to 30 characters on one line");
            }
        }
        Units.Names names = units.names();
        Set<String> named = new java.util.LinkedHashSet<>();
        for (String d : divisions) {
            named.add(names.resolve(d, Unit.Kind.DIVISION, null, "divisions"));
        }
        return named;
    }

    /** A division renamed in the structure is the same division to its data owners. A reaction: it follows the rename's commit. */
    @ApplicationModuleListener
    void on(UnitRenamed renamed) {
        if (renamed.kind() == Unit.Kind.DIVISION) {
            accounts.renameDivision(renamed.before(), renamed.after());
        }
    }

    /** Roles, scope and status; a stale version is refused with who changed it. */
    @Transactional
    public void update(long id, String displayName, Set<Role> roles, Set<String> divisions, Set<String> refs, boolean enabled, int version) {
        update(id, displayName, roles, divisions, refs, enabled, null, version);
    }

    /** As above, and with {@code temporaryPassword} a reset in the same change: both are saved or neither. */
    @Transactional
    public void update(long id, String displayName, Set<Role> roles, Set<String> divisions, Set<String> refs, boolean enabled,
                       String temporaryPassword, int version) {
        Account before = get(id);
        Text.bounded("displayName", displayName, Text.NAME);
        divisions = checkScope(divisions, refs);
        if (temporaryPassword != null) {
            PasswordPolicy.check(temporaryPassword);
        }
        if (before.roles().contains(Role.ADMIN) && (!roles.contains(Role.ADMIN) || !enabled) && accounts.otherAdministrators(id) == 0) {
            throw new InputException("roles", "this is the only administrator: make someone else an administrator first");
        }
        if (!accounts.update(id, displayName, roles, divisions, refs, enabled, version)) {
            throw new ConflictException("User " + before.username() + " was changed by someone else after you opened it. Your changes were not saved.");
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "user", String.valueOf(id), "User " + before.username() + " changed", before, get(id)));
        if (temporaryPassword != null) {
            resetPassword(id, temporaryPassword);
        }
    }

    /** Is this the user's password? False for a single sign-on user, and for one too long to be anyone's. */
    public boolean isPassword(String username, String password) {
        AccountRepository.Row row = accounts.find(username).orElse(null);
        return row != null && row.hash() != null && password != null && !PasswordPolicy.tooLong(password) && encoder.matches(password, row.hash());
    }

    @Transactional
    public void changePassword(String username, String current, String next) {
        AccountRepository.Row row = accounts.find(username).orElseThrow(() -> new NotFoundException("There is no user " + username));
        if (!isPassword(username, current)) {
            throw new InputException("current", "the current password is not right");
        }
        PasswordPolicy.check(next);
        if (encoder.matches(next, row.hash())) {
            throw new InputException("password", "choose a password different from the current one");
        }
        accounts.setPassword(row.account().id(), encoder.encode(next), false);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "user", String.valueOf(row.account().id()), "Password changed", null, null));
    }

    /** An administrator's reset: a temporary password the user must change at next sign-in. */
    @Transactional
    public void resetPassword(long id, String temporary) {
        PasswordPolicy.check(temporary);
        Account a = get(id);
        accounts.setPassword(id, encoder.encode(temporary), true);
        events.publishEvent(new Audited(Audited.Action.UPDATE, "user", String.valueOf(id), "Password reset for " + a.username(), null, null));
    }

    /** A single sign-on user: created or updated at each sign-in with the roles their groups map to. */
    @Transactional
    public Account singleSignOn(String username, String displayName, Set<Role> roles) {
        accounts.upsertSingleSignOn(username, displayName, roles);
        return byUsername(username).orElseThrow();
    }
}
