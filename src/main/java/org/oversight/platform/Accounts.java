package org.oversight.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.oversight.shared.Audited;
import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.oversight.shared.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Local accounts: creation, roles, passwords, and the lock after repeated failed sign-ins.
 * On first start with no administrator it creates one (see {@link #afterSingletonsInstantiated}).
 */
@Service
public class Accounts implements UserDetailsService, SmartInitializingSingleton {

    static final int MAX_FAILED_LOGINS = 5;
    static final int LOCK_MINUTES = 15;
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(Accounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final String adminPassword;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, ApplicationEventPublisher events,
             @Value("${oversight.admin-password:${OVERSIGHT_ADMIN_PASSWORD:}}") String adminPassword) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.events = events;
        this.adminPassword = adminPassword;
    }

    /** The first administrator: from OVERSIGHT_ADMIN_PASSWORD, or a one-time password printed once. */
    @Override
    @Transactional
    public void afterSingletonsInstantiated() {
        boolean hasAdmin = jdbc.sql("select exists (select 1 from app_user where enabled and 'ADMIN' = any(roles))").query(Boolean.class).single();
        if (hasAdmin) {
            return;
        }
        boolean generated = adminPassword.isBlank();
        String password = generated ? oneTimePassword() : adminPassword;
        String username = jdbc.sql("select count(*) from app_user where username = 'admin'").query(Integer.class).single() == 0
                ? "admin" : "admin-" + System.currentTimeMillis();
        insert(username, "Administrator", password, EnumSet.of(Role.ADMIN), Set.of(), Set.of(), generated);
        if (generated) {
            log.warn("\n\n    Oversight created the administrator '{}' with the one-time password  {}\n"
                    + "    Sign in at /login and choose a new password. This is the only time it is shown.\n", username, password);
        } else {
            log.info("Oversight created the administrator '{}' with the password from OVERSIGHT_ADMIN_PASSWORD", username);
        }
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

    @Override
    public UserDetails loadUserByUsername(String username) {
        Row row = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        if (row.hash() == null) {
            throw new UsernameNotFoundException(username + " signs in with single sign-on");
        }
        Account a = row.account();
        return User.withUsername(a.username()).password(row.hash()).disabled(!a.enabled()).accountLocked(a.locked())
                .authorities(a.roles().stream().map(Role::authority).toArray(String[]::new)).build();
    }

    record Row(Account account, String hash) {
    }

    Optional<Row> find(String username) {
        return jdbc.sql("select * from app_user where username = :u").param("u", username)
                .query((rs, n) -> new Row(map(rs), rs.getString("password_hash"))).optional();
    }

    public Optional<Account> byUsername(String username) {
        return find(username).map(Row::account);
    }

    public List<Account> all() {
        return jdbc.sql("select * from app_user order by username").query((rs, n) -> map(rs)).list();
    }

    public Account get(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("There is no user " + id));
    }

    /** A new local account; the user must choose their own password at first sign-in. */
    @Transactional
    public long create(String username, String displayName, String password, Set<Role> roles, Set<String> divisions, Set<String> refs) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new InputException("username", "a username is 2 to 64 letters, digits or . _ @ -");
        }
        checkPassword(password);
        Text.bounded("displayName", displayName, Text.NAME);
        long id = insert(username, displayName == null || displayName.isBlank() ? username : displayName.strip(), password, roles,
                divisions, refs, true);
        events.publishEvent(new Audited(Audited.Action.CREATE, "user", String.valueOf(id), "User " + username + " created", null, get(id)));
        return id;
    }

    private long insert(String username, String displayName, String password, Set<Role> roles, Set<String> divisions,
                        Set<String> refs, boolean mustChange) {
        try {
            return jdbc.sql("""
                    insert into app_user (username, display_name, password_hash, roles, divisions, indicator_refs, must_change_password)
                    values (:u, :d, :h, :r, :div, :refs, :m) returning id""")
                    .param("u", username).param("d", displayName).param("h", password == null ? null : encoder.encode(password))
                    .param("r", roles.stream().map(Role::name).toArray(String[]::new))
                    .param("div", divisions.toArray(String[]::new)).param("refs", refs.toArray(String[]::new))
                    .param("m", mustChange).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InputException("username", "the username '" + username + "' is taken");
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
        if (temporaryPassword != null) {
            checkPassword(temporaryPassword);
        }
        if (before.roles().contains(Role.ADMIN) && (!roles.contains(Role.ADMIN) || !enabled) && otherAdmins(id) == 0) {
            throw new InputException("roles", "this is the only administrator: make someone else an administrator first");
        }
        int n = jdbc.sql("""
                update app_user set display_name = :d, roles = :r, divisions = :div, indicator_refs = :refs, enabled = :e,
                    version = version + 1 where id = :id and version = :v""")
                .param("d", displayName).param("r", roles.stream().map(Role::name).toArray(String[]::new))
                .param("div", divisions.toArray(String[]::new)).param("refs", refs.toArray(String[]::new))
                .param("e", enabled).param("id", id).param("v", version).update();
        if (n == 0) {
            throw new ConflictException("User " + before.username() + " was changed by someone else after you opened it. Your changes were not saved.");
        }
        events.publishEvent(new Audited(Audited.Action.UPDATE, "user", String.valueOf(id), "User " + before.username() + " changed", before, get(id)));
        if (temporaryPassword != null) {
            resetPassword(id, temporaryPassword);
        }
    }

    private int otherAdmins(long id) {
        return jdbc.sql("select count(*) from app_user where enabled and 'ADMIN' = any(roles) and id <> :id").param("id", id)
                .query(Integer.class).single();
    }

    @Transactional
    public void changePassword(String username, String current, String next) {
        Row row = find(username).orElseThrow(() -> new NotFoundException("There is no user " + username));
        if (row.hash() == null || current == null || current.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                || !encoder.matches(current, row.hash())) {
            throw new InputException("current", "the current password is not right");
        }
        checkPassword(next);
        if (encoder.matches(next, row.hash())) {
            throw new InputException("password", "choose a password different from the current one");
        }
        jdbc.sql("update app_user set password_hash = :h, must_change_password = false, version = version + 1 where username = :u")
                .param("h", encoder.encode(next)).param("u", username).update();
        events.publishEvent(new Audited(Audited.Action.UPDATE, "user", String.valueOf(row.account().id()), "Password changed", null, null));
    }

    /** An administrator's reset: a temporary password the user must change at next sign-in. */
    @Transactional
    public void resetPassword(long id, String temporary) {
        checkPassword(temporary);
        Account a = get(id);
        jdbc.sql("update app_user set password_hash = :h, must_change_password = true, failed_logins = 0, locked_until = null, version = version + 1 where id = :id")
                .param("h", encoder.encode(temporary)).param("id", id).update();
        events.publishEvent(new Audited(Audited.Action.UPDATE, "user", String.valueOf(id), "Password reset for " + a.username(), null, null));
    }

    /**
     * NCSC guidance: length, not complexity rules, and none of the passwords most often found in
     * breaches. BCrypt reads at most 72 bytes, so longer ones are refused rather than cut short.
     */
    static void checkPassword(String password) {
        if (password == null || password.strip().length() < MIN_PASSWORD_LENGTH) {
            throw new InputException("password", "a password has at least " + MIN_PASSWORD_LENGTH + " characters, not counting spaces at either end");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InputException("password", "a password has at most " + MAX_PASSWORD_BYTES + " bytes (72 letters and digits; fewer with accented letters or symbols)");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (COMMON_PASSWORDS.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new InputException("password", "that password is one of the most common, and easily guessed: choose another, such as three random words");
        }
    }

    static final int MAX_PASSWORD_BYTES = 72;
    private static final Set<String> COMMON_PASSWORDS = commonPasswords();

    private static Set<String> commonPasswords() {
        try (var in = Accounts.class.getResourceAsStream("/platform/common-passwords.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).map(l -> l.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the list of common passwords is missing from the build", e);
        }
    }

    /** Counts a failed sign-in; the fifth in a row locks the account for 15 minutes. */
    @Transactional
    public void failedSignIn(String username) {
        jdbc.sql("""
                update app_user set
                    failed_logins = case when locked_until <= now() then 1 else failed_logins + 1 end,
                    locked_until = case when locked_until <= now() then null
                                        when failed_logins + 1 >= :max then now() + make_interval(mins => :mins)
                                        else locked_until end
                where username = :u""").param("max", MAX_FAILED_LOGINS).param("mins", LOCK_MINUTES).param("u", username).update();
        // Anyone can type anything as a user name: the trail keeps a bounded, printable part of it.
        String shown = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        shown = shown.length() > 64 ? shown.substring(0, 64) + "…" : shown;
        events.publishEvent(new Audited(Audited.Action.SIGN_IN_FAILED, "user", shown, "Failed sign-in for " + shown, null, null));
    }

    @Transactional
    public void signedIn(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = :u and (failed_logins > 0 or locked_until is not null)")
                .param("u", username).update();
    }

    /** A single sign-on user: created or updated at each sign-in with the roles their groups map to. */
    @Transactional
    public Account singleSignOn(String username, String displayName, Set<Role> roles) {
        jdbc.sql("""
                insert into app_user (username, display_name, roles) values (:u, :d, :r)
                on conflict (username) do update set display_name = excluded.display_name, roles = excluded.roles
                where app_user.password_hash is null""")
                .param("u", username).param("d", displayName).param("r", roles.stream().map(Role::name).toArray(String[]::new)).update();
        return byUsername(username).orElseThrow();
    }

    static Account map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : strings(rs.getArray("roles"))) {
            roles.add(Role.valueOf(r));
        }
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles,
                strings(rs.getArray("divisions")), strings(rs.getArray("indicator_refs")), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), rs.getObject("locked_until", OffsetDateTime.class),
                rs.getBoolean("must_change_password"), rs.getString("password_hash") == null, rs.getInt("version"));
    }

    private static Set<String> strings(Array a) throws SQLException {
        return a == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) a.getArray()));
    }

    static Set<String> split(String text) {
        return text == null ? Set.of() : Arrays.stream(text.split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static Set<Role> roles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            try {
                roles.add(Role.valueOf(n));
            } catch (IllegalArgumentException e) {
                throw new InputException("roles", "'" + n + "' is not a role");
            }
        }
        return roles;
    }

    static Map<String, String> roleTitles() {
        return Arrays.stream(Role.values()).collect(Collectors.toMap(Role::name, Role::title, (a, b) -> a, LinkedHashMap::new));
    }
}
