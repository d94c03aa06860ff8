package org.oversight.platform;

import java.util.Collection;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.beans.factory.annotation.Qualifier;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deny by default: every route not granted below answers 401/403 or sends the browser to sign in.
 * The API authenticates each request with a personal token (no session; cross-site changes refused); the web app
 * uses a session with CSRF protection on every form.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityConfig.Oidc.class)
class SecurityConfig {

    private static final String[] SIGNED_IN = Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new);

    static final String CSP = ContentPolicy.DEFAULT;

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, JsonMapper json, ApiTokens tokens, Accounts accounts) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/api/dashboards/**", "/api/units").permitAll()
                        .requestMatchers(HttpMethod.PUT, "/api/indicators/*/observations/*").hasAnyRole("PERFORMANCE", "DATA_OWNER")
                        .requestMatchers(HttpMethod.POST, "/api/scorecards/score").hasAnyRole(SIGNED_IN)
                        .requestMatchers(HttpMethod.POST, "/api/indicators", "/api/scorecards/*", "/api/dashboards/*/publication", "/api/figures").hasRole("PERFORMANCE")
                        .requestMatchers(HttpMethod.PUT, "/api/indicators/**").hasRole("PERFORMANCE")
                        .requestMatchers("/api/users/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/units").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyRole("ADMIN", "PERFORMANCE", "RISK_TEAM")
                        .requestMatchers(HttpMethod.GET, "/api/ratings/check").hasRole("PERFORMANCE")
                        .requestMatchers(HttpMethod.GET, "/api/indicators/**", "/api/risks/**").hasAnyRole(SIGNED_IN)
                        .requestMatchers(HttpMethod.POST, "/api/risks/*/reviews").hasAnyRole("RISK_TEAM", "RISK_OWNER")
                        .requestMatchers(HttpMethod.POST, "/api/risks/**").hasRole("RISK_TEAM")
                        .requestMatchers(HttpMethod.PUT, "/api/risks/registers/*/matrix").hasRole("RISK_TEAM")
                        .anyRequest().denyAll())
                .addFilterBefore(new ApiAuthentication(tokens, accounts, json), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> ApiAuthentication.problem(res, json, HttpStatus.UNAUTHORIZED, "Sign in required",
                                "Send a personal API token with each request: 'Authorization: Bearer ovt_…' (make one on your account page)."))
                        .accessDeniedHandler((req, res, ex) -> ApiAuthentication.problem(res, json, HttpStatus.FORBIDDEN, "Not allowed",
                                "Your roles do not allow " + req.getMethod() + " " + req.getRequestURI() + ".")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Cross-site requests are refused by ApiAuthentication, and no browser holds credentials for the API.
                .csrf(c -> c.disable())
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, Accounts accounts, @Qualifier("requestMappingHandlerMapping") HandlerMapping pages,
                            ObjectProvider<ClientRegistrationRepository> sso,
                            ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> oidcUsers) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/assets/**", "/webjars/**", "/oversight.css", "/oversight.js", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/login", "/login/**", "/oauth2/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/", "/glossary", "/api-guide", "/dashboard", "/dashboard/export.csv", "/dashboard/export.xlsx").permitAll()
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**").permitAll()
                        // The health check, for a load balancer: its parts are shown only to an administrator (management.endpoint.health.roles).
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/dashboard/publish").hasRole("PERFORMANCE")
                        .requestMatchers("/entry", "/entry/due").hasAnyRole("PERFORMANCE", "DATA_OWNER")
                        .requestMatchers("/import", "/import/**", "/indicators/new").hasRole("PERFORMANCE")
                        .requestMatchers(HttpMethod.POST, "/indicators/**").hasRole("PERFORMANCE")
                        .requestMatchers(HttpMethod.GET, "/indicators/*/edit").hasRole("PERFORMANCE")
                        .requestMatchers(HttpMethod.GET, "/indicators").hasAnyRole(SIGNED_IN)
                        // Published papers are public; a draft (from today's figures) is refused by the controller to all but staff.
                        .requestMatchers(HttpMethod.GET, "/structure", "/structure/units/*").permitAll()
                        .requestMatchers(HttpMethod.GET, "/directorates", "/directorates/*").permitAll()
                        .requestMatchers("/structure/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/committees", "/committees/**", "/meetings.ics", "/meetings/**", "/decisions", "/decisions/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/oparl/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/committees", "/committees/**", "/meetings.ics", "/meetings/**", "/decisions", "/decisions/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/committees", "/committees/**", "/meetings/**", "/decisions", "/decisions/**").hasRole("CLERK")
                        .requestMatchers(HttpMethod.GET, "/papers", "/papers/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/papers", "/papers/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/papers/risks/**").hasRole("RISK_TEAM")
                        .requestMatchers(HttpMethod.POST, "/papers/budget/**", "/papers/rates/**").hasRole("FINANCE_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/papers/**").hasRole("PERFORMANCE")
                        // The public reads an indicator as published; the controller shows drafts only to a role.
                        .requestMatchers(HttpMethod.GET, "/indicators/*").permitAll()
                        .requestMatchers(HttpMethod.POST, "/risks/*/review", "/risks/*/actions", "/risks/*/actions/*/complete", "/risks/*/controls")
                                .hasAnyRole("RISK_TEAM", "RISK_OWNER")
                        .requestMatchers(HttpMethod.POST, "/risks/**").hasRole("RISK_TEAM")
                        .requestMatchers(HttpMethod.GET, "/risks/registers/*/new").hasRole("RISK_TEAM")
                        .requestMatchers(HttpMethod.GET, "/risks", "/risks/**").hasAnyRole(SIGNED_IN)
                        // Budget monitoring before it is published is for the council's staff and members; the finance officers load it.
                        // Delayed transfers of care: staff and members read them; the performance team loads them and sets the targets.
                        .requestMatchers(HttpMethod.GET, "/delays/upload").hasRole("PERFORMANCE")
                        .requestMatchers(HttpMethod.POST, "/delays/**").hasRole("PERFORMANCE")
                        .requestMatchers(HttpMethod.GET, "/delays", "/delays/weeks", "/delays/organisations/*").hasAnyRole(SIGNED_IN)
                        // Rates and charges: staff and members read the schedules; finance officers load, set and approve them.
                        .requestMatchers(HttpMethod.POST, "/rates/**").hasRole("FINANCE_OFFICER")
                        .requestMatchers(HttpMethod.GET, "/rates", "/rates/**").hasAnyRole(SIGNED_IN)
                        .requestMatchers(HttpMethod.GET, "/budget/upload").hasRole("FINANCE_OFFICER")
                        .requestMatchers(HttpMethod.POST, "/budget", "/budget/**").hasRole("FINANCE_OFFICER")
                        .requestMatchers(HttpMethod.GET, "/budget", "/budget/**").hasAnyRole(SIGNED_IN)
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/audit", "/audit/export.csv").hasAnyRole("ADMIN", "PERFORMANCE", "RISK_TEAM")
                        .requestMatchers("/account/**", "/logout").authenticated()
                        .anyRequest().denyAll())
                .addFilterBefore(new SessionAccounts(accounts), AuthorizationFilter.class)
                // Deny by default, but a page that exists nowhere is "Page not found" for anyone, not a refusal.
                .exceptionHandling(e -> e
                        .accessDeniedHandler((req, res, ex) -> res.sendError(exists(pages, req) ? 403 : 404))
                        .authenticationEntryPoint((req, res, ex) -> {
                            if (exists(pages, req)) {
                                signIn.commence(req, res, ex);
                            } else {
                                res.sendError(404);
                            }
                        }))
                .formLogin(f -> f.loginPage("/login").successHandler(new SignInSuccess()).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?signed-out"))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .csrf(c -> c.csrfTokenRequestHandler(new TamperedTokensRefused()));
        if (sso.getIfAvailable() != null) {
            http.oauth2Login(o -> o.loginPage("/login").userInfoEndpoint(u -> u.oidcUserService(oidcUsers.getObject())));
        }
        return http.build();
    }

    private final LoginUrlAuthenticationEntryPoint signIn = relative(new LoginUrlAuthenticationEntryPoint("/login"));

    /** Sent to sign in by a relative address: a forged Host header cannot send a user to another site. */
    private static LoginUrlAuthenticationEntryPoint relative(LoginUrlAuthenticationEntryPoint entryPoint) {
        entryPoint.setFavorRelativeUris(true);
        return entryPoint;
    }

    /** Does any controller answer this path (with any method)? Static files are public and never refused. */
    private static boolean exists(HandlerMapping pages, HttpServletRequest request) {
        try {
            return pages.getHandler(request) != null;
        } catch (Exception wrongMethod) {
            return true;
        }
    }

    /**
     * Single sign-on settings: which claim carries the user's groups, and the roles each group
     * grants, e.g. {@code oversight.oidc.roles.perf-team=PERFORMANCE}.
     */
    @ConfigurationProperties("oversight.oidc")
    record Oidc(String groupsClaim, Map<String, List<String>> roles) {
        Oidc {
            groupsClaim = groupsClaim == null ? "groups" : groupsClaim;
            roles = roles == null ? Map.of() : roles;
        }

        Set<Role> rolesFor(Object groups) {
            Set<Role> out = EnumSet.noneOf(Role.class);
            if (groups instanceof Collection<?> list) {
                for (Object g : list) {
                    roles.getOrDefault(String.valueOf(g), List.of()).forEach(r -> out.add(Role.valueOf(r.strip())));
                }
            }
            return out;
        }
    }

    /** Maps the identity provider's groups to Oversight roles and keeps a local record of the user. */
    @Bean
    OAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(Oidc settings, Accounts accounts) {
        OidcUserService delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            Set<Role> roles = settings.rolesFor(user.getClaims().get(settings.groupsClaim()));
            String username = user.getPreferredUsername() != null ? user.getPreferredUsername()
                    : user.getEmail() != null ? user.getEmail() : user.getSubject();
            String display = user.getFullName() != null ? user.getFullName() : username;
            accounts.singleSignOn(username, display, roles);
            Map<String, Object> claims = new HashMap<>(user.getClaims());
            return new DefaultOidcUser(roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                    user.getIdToken(), user.getUserInfo(), claims.containsKey("preferred_username") ? "preferred_username"
                    : claims.containsKey("email") ? "email" : "sub");
        };
    }

    /**
     * The default handler, except that a token altered in transit (not the encoding it was sent in) is no token — a refusal (403) — rather
     * than an error thrown while decoding it (500).
     */
    private static final class TamperedTokensRefused implements org.springframework.security.web.csrf.CsrfTokenRequestHandler {

        private final org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler delegate =
                new org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                           java.util.function.Supplier<org.springframework.security.web.csrf.CsrfToken> token) {
            delegate.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(jakarta.servlet.http.HttpServletRequest request, org.springframework.security.web.csrf.CsrfToken token) {
            try {
                return delegate.resolveCsrfTokenValue(request, token);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
