package org.oversight.publishing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A kind of paper Oversight publishes (the dashboard, the QPR, the exception report, the risk
 * register report): for a period and a scope, the document as it would go out now, with what
 * the checks find in it.
 */
interface Publication {

    /** As in the paper's URLs and the {@code paper} table: dashboard, qpr, exceptions, risks, budget, rates. */
    String kind();

    /** The paper's name in a sentence: "performance dashboard". */
    String noun();

    /** The period a paper covers for the month asked for: a quarter's paper is filed under the quarter's last month. */
    default YearMonth period(YearMonth asked) {
        return asked;
    }

    /** Whether the paper for {@code period} may go out now: once the period is over (a year's rates and charges go out before it begins). */
    default boolean publishable(YearMonth period) {
        return period.isBefore(YearMonth.now());
    }

    /** The scope as the data name it, however it was typed; throws {@link org.oversight.shared.InputException} for one that does not exist. */
    default String scope(String typed) {
        return typed == null ? "" : typed.strip();
    }

    /** The paper from today's data; throws {@link org.oversight.shared.InputException} for a scope that does not exist. */
    Document build(YearMonth period, String scope);

    /** What publishing the paper publishes besides it, in the same transaction (the dashboard's month, frozen as the paper shows it). */
    default void publishing(YearMonth period, String scope, String user) {
    }

    /**
     * A paper as it stands: {@code nothing} says why there is nothing to publish (null when there is);
     * {@code items} are what the list of changes between versions compares, each with a "ref" and a
     * "title"; {@code links} take a finding's ref to the page where its figure is put right;
     * {@code html} lays the paper out.
     */
    record Document(String title, String nothing, List<ScorecardAudit.Finding> findings, List<Map<String, Object>> items,
                    List<Table> tables, Map<String, String> links, Layout html) {
    }

    /**
     * A paper laid out: a draft when {@code publishedOn} is null; {@code checks} are what the checks
     * found, in words — on a draft, to look at; on a version, accepted with their reasons — printed
     * at the end of the paper so that every copy carries them.
     */
    @FunctionalInterface
    interface Layout {
        String html(LocalDate publishedOn, Integer version, List<String> checks);
    }

    /** A table of the paper as its CSV and XLSX give it: {@code total} when the last row is the total of those above. */
    record Table(String id, String caption, List<String> header, List<List<String>> rows, boolean total) {
    }
}
