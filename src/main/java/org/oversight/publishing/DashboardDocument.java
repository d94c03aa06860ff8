package org.oversight.publishing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.oversight.performance.DashboardPapers;
import org.oversight.performance.Rag;
import org.oversight.platform.DisplayFormat;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * The monthly performance dashboard as a paper: a cover, contents, the summary and key, then a
 * page per indicator with its 13 months, chart and commentary. One XHTML document, shown as the
 * web page and printed as the PDF.
 */
@Component
class DashboardDocument {

    private final DashboardPapers papers;
    private final SpringTemplateEngine templates;
    private final ApplicationContext context;

    DashboardDocument(DashboardPapers papers, SpringTemplateEngine templates, ApplicationContext context) {
        this.papers = papers;
        this.templates = templates;
        this.context = context;
    }

    /** What the paper shows, from today's figures. */
    DashboardPapers.Paper data(YearMonth month, String directorate) {
        return papers.draft(month, directorate);
    }

    /** The paper as XHTML: a draft without {@code publishedOn}, else that publication's version. */
    String html(DashboardPapers.Paper p, LocalDate publishedOn, Integer version) {
        Context c = new Context(Locale.UK);
        c.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, new ThymeleafEvaluationContext(context, null));
        c.setVariable("p", p);
        c.setVariable("title", title(p));
        c.setVariable("published", publishedOn);
        c.setVariable("version", version);
        c.setVariable("today", LocalDate.now());
        return templates.process("publishing/dashboard-paper", c);
    }

    static String title(DashboardPapers.Paper p) {
        return (p.scope().isEmpty() ? "Council" : p.scope()) + " performance dashboard, " + DisplayFormat.monthName(p.month());
    }

    /** A rating as the paper prints it, a word beside its colour: GREEN as 'Green'. */
    public static String word(String rag) {
        return rag == null ? "" : Rag.valueOf(rag).label();
    }

    /** A direction of travel as an arrow with its word, readable in black and white: '↓ worse'. */
    public static String direction(String name) {
        return switch (name) {
            case "IMPROVED" -> "↑ improved";
            case "WORSENED" -> "↓ worse";
            case "SAME" -> "↔ no change";
            default -> "";
        };
    }
}
