package org.oversight.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.oversight.shared.InputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal API tokens, each kept as its SHA-256 and the first characters it is recognised by. */
@Repository
class ApiTokenRepository {

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, String name, String hash, String prefix) {
        return jdbc.sql("insert into api_token (user_id, name, token_hash, prefix) values (:u, :n, :h, :p) returning id")
                .param("u", userId).param("n", name).param("h", hash).param("p", prefix).query(Long.class).single();
    }

    List<ApiTokens.Token> of(long userId) {
        // A token made before the password last changed is shown as ended then, as it no longer works.
        return jdbc.sql("""
                select t.id, t.name, t.prefix, t.created_at, t.last_used,
                       coalesce(t.revoked_at, case when t.created_at < u.password_changed_at then u.password_changed_at end) as revoked_at
                from api_token t join app_user u on u.id = t.user_id where t.user_id = :u
                order by 6 nulls first, t.created_at desc""").param("u", userId)
                .query((rs, n) -> new ApiTokens.Token(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class))).list();
    }

    void revoke(long tokenId) {
        jdbc.sql("update api_token set revoked_at = now() where id = :id and revoked_at is null").param("id", tokenId).update();
    }

    /** The user of the token of this hash, if it is not revoked and was made since their password last changed. */
    Optional<String> username(String hash) {
        return jdbc.sql("""
                select u.username from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = :h and t.revoked_at is null and t.created_at >= u.password_changed_at""").param("h", hash).query(String.class).optional();
    }

    /** Written at most once a minute, so a busy script does not write on every request. */
    void used(String hash) {
        jdbc.sql("update api_token set last_used = now() where token_hash = :h and (last_used is null or last_used < now() - interval '1 minute')")
                .param("h", hash).update();
    }

    /**
     * A token for an enabled user, with its audit record, in one transaction on a connection of the command line's own (the
     * server may not be running).
     */
    static void insertOnCommandLine(CommandDatabase.Target target, String username, String name, String hash, String prefix) throws Exception {
        try (CommandDatabase.Connected db = CommandDatabase.connect(target); Connection c = db.connection()) {
            c.setAutoCommit(false);
            long userId;
            try (PreparedStatement p = c.prepareStatement("select id from app_user where username = ? and enabled")) {
                p.setString(1, username);
                try (ResultSet rs = p.executeQuery()) {
                    if (!rs.next()) {
                        throw new InputException("user", "there is no enabled user '" + username + "'");
                    }
                    userId = rs.getLong(1);
                }
            }
            try (PreparedStatement p = c.prepareStatement("insert into api_token (user_id, name, token_hash, prefix) values (?, ?, ?, ?)")) {
                p.setLong(1, userId);
                p.setString(2, name);
                p.setString(3, hash);
                p.setString(4, prefix);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into audit_event (actor, action, record_type, record_id, summary) values (?, 'CREATE', 'api-token', ?, ?)""")) {
                p.setString(1, System.getProperty("user.name", "operator") + " (command line)");
                p.setString(2, String.valueOf(userId));
                p.setString(3, "API token '" + name + "' created for " + username + " on the command line");
                p.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the token: " + e.getMessage(), e);
        }
    }
}
