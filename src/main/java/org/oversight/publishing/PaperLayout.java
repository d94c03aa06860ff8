package org.oversight.publishing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import org.oversight.performance.Direction;
import org.oversight.performance.Rag;
import org.oversight.platform.DisplayFormat;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Lays a paper out from its template as one XHTML document, shown as the web page and printed as
 * the PDF: a draft without a publication date, else that publication's version.
 */
@Component
class PaperLayout {

    private final SpringTemplateEngine templates;
    private final ApplicationContext context;

    PaperLayout(SpringTemplateEngine templates, ApplicationContext context) {
        this.templates = templates;
        this.context = context;
    }

    /** {@code versions}: the address of the paper's versions page, which its web page links to. */
    String html(String template, String title, String versions, LocalDate publishedOn, Integer version, java.util.List<String> checks,
                Map<String, Object> variables) {
        return page("publishing/" + template, title, versions, publishedOn, version, checks, variables);
    }

    /** As {@link #html}, from a template of any module (a {@link PaperSource}'s). */
    String page(String template, String title, String versions, LocalDate publishedOn, Integer version, java.util.List<String> checks,
                Map<String, Object> variables) {
        Context c = new Context(Locale.UK);
        c.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME, new ThymeleafEvaluationContext(context, null));
        c.setVariables(variables);
        c.setVariable("title", title);
        c.setVariable("versionsPath", versions);
        c.setVariable("checks", checks == null ? java.util.List.of() : checks);
        c.setVariable("published", publishedOn);
        c.setVariable("version", version);
        c.setVariable("today", LocalDate.now());
        return templates.process(template, c);
    }

    /** A rating as a paper prints it, a word beside its colour: GREEN as 'Green'. */
    public static String word(Rag rag) {
        return rag == null ? "" : rag.label();
    }

    public static String word(String rag) {
        return rag == null ? "" : word(Rag.valueOf(rag));
    }

    /** A direction of travel as an arrow with its word, readable in black and white: '↓ worse'. */
    public static String direction(Direction d) {
        return d == null ? "" : switch (d) {
            case IMPROVED -> "↑ improved";
            case WORSENED -> "↓ worse";
            case SAME -> "↔ no change";
        };
    }

    /** For each column of a table, whether it holds numbers (any cell one): its heading and every cell then sit to the right. */
    public static boolean[] numericColumns(Publication.Table t) {
        boolean[] numeric = new boolean[t.header().size()];
        for (java.util.List<String> row : t.rows()) {
            for (int c = 1; c < Math.min(row.size(), numeric.length); c++) {
                // A figure not given ("–") stands where a number would: aligned with them, even in a column of none.
                numeric[c] |= numeric(row.get(c)) || row.get(c).equals("–");
            }
        }
        return numeric;
    }

    /** Whether a cell is a number, to set it to the right. */
    public static boolean numeric(String cell) {
        return DocumentChecks.number(cell) != null;
    }

    /** The scope in a title: the whole council when none is named. */
    static String scope(String scope) {
        return scope == null || scope.isBlank() ? "Council" : scope;
    }

    static String month(java.time.YearMonth m) {
        return DisplayFormat.monthName(m);
    }
}
