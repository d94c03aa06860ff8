package org.oversight.platform;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: what scripts send instead of a password. A token is shown once when it
 * is made; only its SHA-256 is kept (a token is 190 random bits, so a fast hash is enough and
 * no request pays for BCrypt). Made and revoked on the user's account page, and audited.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "ovt_";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public record Token(long id, String name, String prefix, OffsetDateTime createdAt, OffsetDateTime lastUsed, OffsetDateTime revokedAt) {
        public boolean active() {
            return revokedAt == null;
        }
    }

    /** A new token for the user; the returned text is the only time it is seen. */
    @Transactional
    public String create(long userId, String name) {
        String token = newToken();
        long id = insert(userId, name, token);
        events.publishEvent(new Audited(Audited.Action.CREATE, "api-token", userId + ":" + id, "API token '" + name.strip() + "' created",
                null, Map.of("name", name.strip(), "prefix", token.substring(0, 12))));
        return token;
    }

    private long insert(long userId, String name, String token) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new InputException("name", "name the token (1 to 100 characters), e.g. the script that will use it");
        }
        return jdbc.sql("insert into api_token (user_id, name, token_hash, prefix) values (:u, :n, :h, :p) returning id")
                .param("u", userId).param("n", name.strip()).param("h", hash(token)).param("p", token.substring(0, 12))
                .query(Long.class).single();
    }

    public List<Token> of(long userId) {
        // A token made before the password last changed is shown as ended then, as it no longer works.
        return jdbc.sql("""
                select t.id, t.name, t.prefix, t.created_at, t.last_used,
                       coalesce(t.revoked_at, case when t.created_at < u.password_changed_at then u.password_changed_at end) as revoked_at
                from api_token t join app_user u on u.id = t.user_id where t.user_id = :u
                order by 6 nulls first, t.created_at desc""").param("u", userId)
                .query((rs, n) -> new Token(rs.getLong("id"), rs.getString("name"), rs.getString("prefix"),
                        rs.getObject("created_at", OffsetDateTime.class), rs.getObject("last_used", OffsetDateTime.class),
                        rs.getObject("revoked_at", OffsetDateTime.class))).list();
    }

    /** Revokes one of the user's own tokens. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        Token t = of(userId).stream().filter(x -> x.id() == tokenId).findFirst()
                .orElseThrow(() -> new NotFoundException("You have no API token " + tokenId));
        jdbc.sql("update api_token set revoked_at = now() where id = :id and revoked_at is null").param("id", tokenId).update();
        events.publishEvent(new Audited(Audited.Action.DELETE, "api-token", userId + ":" + tokenId, "API token '" + t.name() + "' revoked",
                t, null));
    }

    /**
     * The account a token belongs to, if the token is known, not revoked, and made since the
     * account's password last changed: a reset after a compromise, or a new password, ends every
     * token made before it.
     */
    Optional<String> username(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Optional<String> user = jdbc.sql("""
                select u.username from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = :h and t.revoked_at is null and t.created_at >= u.password_changed_at""").param("h", hash(token)).query(String.class).optional();
        // Written at most once a minute, so a busy script does not write on every request.
        user.ifPresent(u -> jdbc.sql("update api_token set last_used = now() where token_hash = :h and (last_used is null or last_used < now() - interval '1 minute')")
                .param("h", hash(token)).update());
        return user;
    }

    static String newToken() {
        StringBuilder s = new StringBuilder(PREFIX);
        for (int i = 0; i < 32; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    static String hash(String token) {
        return DigestUtils.sha256Hex(token);
    }

    /**
     * {@code oversight token USER [NAME]}: a token made by whoever runs the server, for a first
     * script (or CI) before anyone has signed in to make one. Audited like any other.
     */
    public static String createFromCommandLine(CommandDatabase.Target target, String username, String name) throws Exception {
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
            String token = newToken();
            try (PreparedStatement p = c.prepareStatement("insert into api_token (user_id, name, token_hash, prefix) values (?, ?, ?, ?)")) {
                p.setLong(1, userId);
                p.setString(2, name);
                p.setString(3, hash(token));
                p.setString(4, token.substring(0, 12));
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
            return token;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the token: " + e.getMessage(), e);
        }
    }
}
