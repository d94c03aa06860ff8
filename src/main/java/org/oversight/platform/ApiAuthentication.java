package org.oversight.platform;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's door. A state change must come from no browser, or from a page of Oversight itself
 * (Origin and Sec-Fetch-Site checked), with a body no HTML form can send; and whoever sends it
 * shows a personal API token ({@code Authorization: Bearer ovt_…}). Passwords are not taken
 * here, so no browser ever caches credentials for the API and no request pays for BCrypt.
 */
final class ApiAuthentication extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** What an HTML form on another site can send without the browser asking the server first. */
    private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded");

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final JsonMapper json;

    ApiAuthentication(ApiTokens tokens, Accounts accounts, JsonMapper json) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.json = json;
    }

    /** A refusal as problem+json; a 401 names the scheme the API takes (Bearer, so no browser offers a password box). */
    static void problem(HttpServletResponse res, JsonMapper json, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create("urn:oversight:problem:" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-")));
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        res.setCharacterEncoding("UTF-8");
        if (status == HttpStatus.UNAUTHORIZED) {
            res.setHeader("WWW-Authenticate", "Bearer realm=\"Oversight\"");
        }
        res.getWriter().write(json.writeValueAsString(p));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
        if (!SAFE.contains(req.getMethod())) {
            String site = req.getHeader("Sec-Fetch-Site");
            String origin = req.getHeader("Origin");
            if ((site != null && !site.equals("same-origin") && !site.equals("none")) || (origin != null && !sameOrigin(origin, req))) {
                problem(res, json, HttpStatus.FORBIDDEN, "Cross-site request refused",
                        "The API does not accept changes sent by pages of other sites.");
                return;
            }
            String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
            if (FORM_TYPES.contains(type)) {
                problem(res, json, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported body",
                        "Send application/json, text/csv, an XLSX workbook or multipart/form-data; " + type + " is not taken by the API.");
                return;
            }
        }
        String auth = req.getHeader("Authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                problem(res, json, HttpStatus.UNAUTHORIZED, "API token required",
                        "Send a personal API token as 'Authorization: Bearer ovt_…'; make one on your account page. Passwords are not accepted by the API.");
                return;
            }
            Optional<Account> account = tokens.username(auth.substring(7).strip()).flatMap(accounts::byUsername);
            if (account.isEmpty() || !account.get().enabled()) {
                problem(res, json, HttpStatus.UNAUTHORIZED, "API token not accepted", "The token is not known, was revoked, or its account is disabled.");
                return;
            }
            if (account.get().mustChangePassword()) {
                problem(res, json, HttpStatus.FORBIDDEN, "Password change required",
                        "This account must choose a new password (sign in on the web) before it uses the API.");
                return;
            }
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.get().username(), null,
                    account.get().roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        }
        chain.doFilter(req, res);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest req) {
        try {
            URI o = URI.create(origin);
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            return req.getScheme().equalsIgnoreCase(o.getScheme()) && req.getServerName().equalsIgnoreCase(o.getHost()) && req.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
