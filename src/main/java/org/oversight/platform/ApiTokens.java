package org.oversight.platform;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.oversight.shared.Audited;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
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

    private final ApiTokenRepository repository;
    private final ApplicationEventPublisher events;

    ApiTokens(ApiTokenRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
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
        return repository.insert(userId, name.strip(), hash(token), token.substring(0, 12));
    }

    public List<Token> of(long userId) {
        return repository.of(userId);
    }

    /** Revokes one of the user's own tokens. */
    @Transactional
    public void revoke(long userId, long tokenId) {
        Token t = of(userId).stream().filter(x -> x.id() == tokenId).findFirst()
                .orElseThrow(() -> new NotFoundException("You have no API token " + tokenId));
        repository.revoke(tokenId);
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
        Optional<String> user = repository.username(hash(token));
        user.ifPresent(u -> repository.used(hash(token)));
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
        String token = newToken();
        ApiTokenRepository.insertOnCommandLine(target, username, name, hash(token), token.substring(0, 12));
        return token;
    }
}
