package org.oversight.platform;

import java.util.Base64;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The Content-Security-Policy every page is served with: the app's own script and styles only.
 * A frozen paper carries its styles inside it (so they can never change after publication); it
 * is served with the one stylesheet allowed by its hash.
 */
public final class ContentPolicy {

    public static final String DEFAULT = policy("'self'");

    private ContentPolicy() {
    }

    /** The default policy, also allowing the inline stylesheet whose text is {@code css}. */
    public static String withStyle(String css) {
        return policy("'self' 'sha256-" + Base64.getEncoder().encodeToString(DigestUtils.sha256(css)) + "'");
    }

    private static String policy(String styles) {
        return "default-src 'self'; script-src 'self'; style-src " + styles + "; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
