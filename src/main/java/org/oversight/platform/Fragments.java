package org.oversight.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * A fragment of a page rendered to HTML on its own, for a page to keep and reuse until its data
 * change (a dashboard's lines, a month's budget tables): links and beans (@fmt) work as on the page.
 * What it renders must not depend on who asks: no forms, no CSRF tokens.
 */
@Component
public class Fragments {

    private final SpringTemplateEngine templates;
    private final ApplicationContext context;

    Fragments(SpringTemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
    }

    public String render(String template, String fragment, Map<String, Object> variables, HttpServletRequest request, HttpServletResponse response) {
        Map<String, Object> v = new HashMap<>(variables);
        v.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, new ThymeleafEvaluationContext(context, null));
        WebContext web = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request, response),
                request.getLocale(), v);
        return templates.process(template, Set.of(fragment), web);
    }
}
