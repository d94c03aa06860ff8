package org.oversight.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.webjars.WebJarVersionLocator;

/** The GOV.UK Design System shell: its fonts and images, and the home page. */
@Configuration(proxyBeanMethods = false)
class WebShell implements WebMvcConfigurer {

    private final CurrentUser user;

    WebShell(CurrentUser user) {
        this.user = user;
    }

    /** Someone signed in with a one-time or reset password goes nowhere until they have chosen their own. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                                     Object handler) throws IOException {
                Account account = user.signedIn() ? user.account() : null;
                if (account != null && account.mustChangePassword()) {
                    response.sendRedirect(request.getContextPath() + "/account/password?first");
                    return false;
                }
                return true;
            }
        }).excludePathPatterns("/account/**", "/login", "/logout", "/error", "/api/**", "/assets/**", "/webjars/**", "/oversight.css", "/oversight.js");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // govuk-frontend's stylesheet asks for its fonts and images at /assets/.
        String version = new WebJarVersionLocator().version("govuk-frontend");
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/assets/");
    }

    @Controller
    static class Home {
        @GetMapping("/")
        String home() {
            return "home";
        }

        /** The words the papers and pages use, explained once: every page links here. */
        @GetMapping("/glossary")
        String glossary() {
            return "glossary";
        }
    }
}
