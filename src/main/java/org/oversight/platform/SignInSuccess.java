package org.oversight.platform;

import java.io.IOException;
import java.time.OffsetDateTime;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.context.support.WebApplicationContextUtils;

/** After signing in with a one-time or reset password, the user chooses their own first. */
class SignInSuccess extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws ServletException, IOException {
        request.getSession().setAttribute(SessionAccounts.SIGNED_IN_AT, OffsetDateTime.now());
        Accounts accounts = WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext()).getBean(Accounts.class);
        if (accounts.byUsername(auth.getName()).map(Account::mustChangePassword).orElse(false)) {
            getRedirectStrategy().sendRedirect(request, response, "/account/password?first");
            return;
        }
        super.onAuthenticationSuccess(request, response, auth);
    }
}
