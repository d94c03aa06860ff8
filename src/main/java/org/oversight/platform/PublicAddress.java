package org.oversight.platform;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address Oversight is published at, for what leaves the page and outlives it: OParl ids,
 * calendar UIDs and their links. The configured one ({@code oversight.public-url}), else the
 * address this server was reached on, read from its own socket: never from a client's
 * {@code Host} or {@code X-Forwarded-Host}, which anyone can write and which would otherwise be
 * served back to every reader as the council's address.
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${oversight.public-url:}") String configured) {
        this.configured = configured.isBlank() ? null : checked(configured.strip());
    }

    private static String checked(String url) {
        URI u;
        try {
            u = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("oversight.public-url '" + url + "' is not an address");
        }
        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null || u.getQuery() != null || u.getFragment() != null) {
            throw new IllegalStateException("oversight.public-url '" + url + "' must be an http or https address such as https://democracy.example.gov.uk");
        }
        return url.replaceAll("/+$", "");
    }

    /** The site's root address, without a trailing slash, for the request being answered. */
    public String base() {
        if (configured != null) {
            return configured;
        }
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        // A link-local IPv6 address carries its interface (fe80::1%eth0), which has no place in an address.
        String host = request.getLocalAddr().replaceAll("%.*", "");
        return request.getScheme() + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + request.getLocalPort() + request.getContextPath();
    }

    /** The host of {@link #base()}, for identifiers such as a calendar event's UID. */
    public String host() {
        return URI.create(base()).getHost();
    }
}
