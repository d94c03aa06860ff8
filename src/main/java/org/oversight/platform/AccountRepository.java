package org.oversight.platform;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The app_user table: accounts, their password hashes and their failed sign-ins. */
@Repository
class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account with its password hash (null for single sign-on). */
    record Row(Account account, String hash) {
    }

    Optional<Row> find(String username) {
        return jdbc.sql("select * from app_user where username = :u").param("u", username)
                .query((rs, n) -> new Row(map(rs), rs.getString("password_hash"))).optional();
    }

    List<Account> all() {
        return jdbc.sql("select * from app_user order by username").query((rs, n) -> map(rs)).list();
    }

    Account get(long id) {
        return jdbc.sql("select * from app_user where id = :id").param("id", id).query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("There is no user " + id));
    }

    boolean hasAdministrator() {
        return jdbc.sql("select exists (select 1 from app_user where enabled and 'ADMIN' = any(roles))").query(Boolean.class).single();
    }

    /** Taken in any case: 'ADMIN' is not a new user beside 'admin'. */
    boolean taken(String username) {
        return jdbc.sql("select exists (select 1 from app_user where lower(username) = lower(:u))").param("u", username).query(Boolean.class).single();
    }

    /** The enabled administrators other than {@code id}. */
    int otherAdministrators(long id) {
        return jdbc.sql("select count(*) from app_user where enabled and 'ADMIN' = any(roles) and id <> :id").param("id", id)
                .query(Integer.class).single();
    }

    long insert(String username, String displayName, String hash, Set<Role> roles, Set<String> divisions, Set<String> refs,
                boolean mustChange) {
        try {
            return jdbc.sql("""
                    insert into app_user (username, display_name, password_hash, roles, divisions, indicator_refs, must_change_password)
                    values (:u, :d, :h, :r, :div, :refs, :m) returning id""")
                    .param("u", username).param("d", displayName).param("h", hash).param("r", names(roles))
                    .param("div", divisions.toArray(String[]::new)).param("refs", refs.toArray(String[]::new))
                    .param("m", mustChange).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InputException("username", "the username '" + username + "' is taken");
        }
    }

    /** False when the version is stale: someone else changed the account first. */
    void renameDivision(String before, String after) {
        jdbc.sql("update app_user set divisions = array_replace(divisions, :b, :a) where :b = any(divisions)").param("b", before).param("a", after).update();
    }

    boolean update(long id, String displayName, Set<Role> roles, Set<String> divisions, Set<String> refs, boolean enabled, int version) {
        return jdbc.sql("""
                update app_user set display_name = :d, roles = :r, divisions = :div, indicator_refs = :refs, enabled = :e,
                    version = version + 1 where id = :id and version = :v""")
                .param("d", displayName).param("r", names(roles))
                .param("div", divisions.toArray(String[]::new)).param("refs", refs.toArray(String[]::new))
                .param("e", enabled).param("id", id).param("v", version).update() == 1;
    }

    /** A new hash; a temporary one must be changed at the next sign-in, and clears any lock. */
    void setPassword(long id, String hash, boolean temporary) {
        jdbc.sql("""
                update app_user set password_hash = :h, must_change_password = :t, password_changed_at = now(),
                    failed_logins = case when :t then 0 else failed_logins end, locked_until = case when :t then null else locked_until end,
                    version = version + 1 where id = :id""")
                .param("h", hash).param("t", temporary).param("id", id).update();
    }

    /** Counts a failed sign-in; the {@code max}th in a row locks the account for {@code minutes}. */
    void countFailure(String username, int max, int minutes) {
        jdbc.sql("""
                update app_user set
                    failed_logins = case when locked_until <= now() then 1 else failed_logins + 1 end,
                    locked_until = case when locked_until <= now() then null
                                        when failed_logins + 1 >= :max then now() + make_interval(mins => :mins)
                                        else locked_until end
                where username = :u""").param("max", max).param("mins", minutes).param("u", username).update();
    }

    void clearFailures(String username) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = :u and (failed_logins > 0 or locked_until is not null)")
                .param("u", username).update();
    }

    /** A single sign-on account, created or updated; never one that has a local password. */
    void upsertSingleSignOn(String username, String displayName, Set<Role> roles) {
        jdbc.sql("""
                insert into app_user (username, display_name, roles) values (:u, :d, :r)
                on conflict (username) do update set display_name = excluded.display_name, roles = excluded.roles
                where app_user.password_hash is null""")
                .param("u", username).param("d", displayName).param("r", names(roles)).update();
    }

    private static String[] names(Set<Role> roles) {
        return roles.stream().map(Role::name).toArray(String[]::new);
    }

    private static Account map(ResultSet rs) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : strings(rs.getArray("roles"))) {
            roles.add(Role.valueOf(r));
        }
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"), roles,
                strings(rs.getArray("divisions")), strings(rs.getArray("indicator_refs")), rs.getBoolean("enabled"),
                rs.getInt("failed_logins"), rs.getObject("locked_until", OffsetDateTime.class),
                rs.getBoolean("must_change_password"), rs.getString("password_hash") == null, rs.getInt("version"),
                rs.getObject("password_changed_at", OffsetDateTime.class));
    }

    private static Set<String> strings(Array a) throws SQLException {
        return a == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) a.getArray()));
    }
}
