package org.oversight;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real OpenID Connect provider for the tests (the council's Entra ID stands in the same
 * place): started once per run, before the application, which discovers it by its issuer URL.
 */
public class SingleSignOnProvider implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ISSUER = "council";
    private static MockOAuth2Server server;

    static synchronized MockOAuth2Server server() {
        if (server == null) {
            server = new MockOAuth2Server();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        }
        return server;
    }

    /** The next sign-in at the provider is this user, with these groups. */
    public static void nextSignIn(String username, String name, List<String> groups) {
        server().enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, username, "JWT", List.of("oversight"),
                Map.of("preferred_username", username, "name", name, "groups", groups), 3600));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String prefix = "spring.security.oauth2.client.";
        TestPropertyValues.of(
                prefix + "registration.council.client-name=Council account",
                prefix + "registration.council.client-id=oversight",
                prefix + "registration.council.client-secret=secret",
                prefix + "registration.council.scope=openid,profile",
                prefix + "registration.council.authorization-grant-type=authorization_code",
                prefix + "registration.council.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
                prefix + "provider.council.issuer-uri=" + server().issuerUrl(ISSUER),
                "oversight.oidc.groups-claim=groups",
                "oversight.oidc.roles.perf-team=PERFORMANCE",
                "oversight.oidc.roles.councillors=MEMBER"
        ).applyTo(context);
    }
}
