package org.oversight.platform;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/** Who is acting, for the record kept with every figure. */
@Component
public class CurrentUser {

    private final HttpServletRequest request;

    CurrentUser(HttpServletRequest request) {
        this.request = request;
    }

    public String name() {
        Principal p = request.getUserPrincipal();
        return p == null ? "anonymous (" + request.getRemoteAddr() + ")" : p.getName();
    }
}
