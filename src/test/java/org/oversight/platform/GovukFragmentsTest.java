package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.oversight.shared.FormErrors;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/** The GOV.UK components every form is made of: a box shows its error beside it, tied to it for a screen reader, and what was typed. */
class GovukFragmentsTest {

    private static final SpringTemplateEngine ENGINE = engine();

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver files = new ClassLoaderTemplateResolver();
        files.setPrefix("templates/");
        files.setSuffix(".html");
        files.setTemplateMode(TemplateMode.HTML);
        files.setResolvablePatterns(Set.of("govuk"));
        files.setOrder(1);
        StringTemplateResolver strings = new StringTemplateResolver();
        strings.setOrder(2);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(files);
        engine.addTemplateResolver(strings);
        return engine;
    }

    private static String render(String call, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        return ENGINE.process("<div th:replace=\"~{govuk :: " + call + "}\"></div>", context).replaceAll("\\s+", " ");
    }

    @Test
    void aTextInputWithAnErrorShowsItBesideTheBoxTiedToItAndKeepsWhatWasTyped() {
        FormErrors errors = new FormErrors();
        errors.add("target", "Target: 'ten' is not a number");
        String html = render("govukInput(name='target', label='Target', hint='A figure', value='5', width='govuk-input--width-5')",
                Map.of("errors", errors, "typed", Map.of("target", "ten")));

        assertThat(html).contains("govuk-form-group--error")
                .contains("<p class=\"govuk-error-message\" id=\"target-error\">")
                .contains("Target: &#39;ten&#39; is not a number")
                .contains("class=\"govuk-input govuk-input--width-5 govuk-input--error\"")
                .contains("id=\"target\" name=\"target\" type=\"text\" value=\"ten\"")
                .contains("aria-describedby=\"target-hint target-error\"");
    }

    @Test
    void aBoxOnAFormNotYetSentShowsItsRecordsValueAndNoError() {
        String html = render("govukInput(name='title', label='Title', value='Adult Social Care')", Map.of());

        assertThat(html).doesNotContain("error").doesNotContain("aria-describedby")
                .contains("<label class=\"govuk-label\" for=\"title\">Title</label>")
                .contains("value=\"Adult Social Care\"");
    }

    @Test
    void aPageWhoseAddressHasAnIdDoesNotGiveItsBoxesThatId() {
        String html = render("govukInput(name='target', label='Target')", Map.of("id", "42"));
        String named = render("govukInput(name='reason', fieldId='move-reason', label='Why')", Map.of("id", "42"));

        assertThat(html).contains("for=\"target\"").contains("id=\"target\"").doesNotContain("42");
        assertThat(named).contains("for=\"move-reason\"").contains("id=\"move-reason\" name=\"reason\"");
    }

    @Test
    void aSelectChoosesWhatWasTypedOverTheRecordsValue() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("ACCEPTED", "Accepted");
        options.put("PROPOSED", "Proposed");
        String html = render("govukSelect(name='actionType', label='Type', options=${options}, value='ACCEPTED')",
                Map.of("options", options, "typed", Map.of("actionType", "PROPOSED")));

        assertThat(html).contains("<option value=\"ACCEPTED\">Accepted</option>")
                .contains("<option value=\"PROPOSED\" selected=\"selected\">Proposed</option>");
    }

    @Test
    void radiosAndCheckboxesEachHaveAnIdTheErrorSummaryAndLabelsReach() {
        FormErrors errors = new FormErrors();
        errors.add("kind", "Choose a kind");
        String radios = render("govukRadios(name='kind', legend='Kind', options=${ {'KPI':'Key performance indicator','ACTIVITY':'Activity'} })",
                Map.of("errors", errors));
        String boxes = render("govukCheckboxes(name='types', legend='Types', options=${ {'A':'Alpha','B':'Beta','C':'Gamma'} })",
                Map.of("typed", Map.of("types", "A,C")));

        assertThat(radios).contains("id=\"kind\"").contains("id=\"kind-KPI\"").contains("for=\"kind-KPI\"")
                .contains("aria-describedby=\"kind-error\"").contains("Choose a kind");
        assertThat(boxes).contains("id=\"types-A\" name=\"types\" value=\"A\" checked=\"checked\"")
                .contains("id=\"types-B\" name=\"types\" value=\"B\">")
                .contains("id=\"types-C\" name=\"types\" value=\"C\" checked=\"checked\"");
    }

    @Test
    void aTableSetsItsColumnsOfFiguresRight() {
        String html = render("govukTable(caption='Budget', head=${head}, rows=${rows}, numeric=${ {1} })",
                Map.of("head", List.of("Service", "£000"), "rows", List.of(List.of("Care", "1,254"))));

        assertThat(html).contains("<caption class=\"govuk-table__caption govuk-table__caption--m\">Budget</caption>")
                .contains("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">£000</th>")
                .contains("<td class=\"govuk-table__cell govuk-table__cell--numeric\">1,254</td>");
    }
}
