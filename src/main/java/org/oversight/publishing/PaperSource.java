package org.oversight.publishing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * A kind of paper laid out by a module that depends on publishing (which cannot depend on it in
 * turn): found among the Spring beans, it is drafted, published as frozen versions and carried by
 * standing items as the built-in kinds are. It has no checks of its own.
 */
public interface PaperSource {

    /** As in the paper's addresses, the {@code paper} table and a standing item: "directorate". */
    String kind();

    /** The paper's name in a sentence: "directorate summary". */
    String noun();

    /** The scope as the data name it, however it was typed; throws {@link org.oversight.shared.InputException} for one that does not exist. */
    String scope(String typed);

    /** The paper for the month and scope from today's data. */
    Paper paper(YearMonth month, String scope);

    /**
     * {@code nothing} says why there is nothing to publish (null when there is); {@code items} are what the list of changes between
     * versions compares, each with a "ref" and a "title"; {@code template} is a Thymeleaf template laid out with {@code variables} plus
     * the paper's own (title, status, checks), as publishing's templates are.
     */
    record Paper(String title, String nothing, List<Map<String, Object>> items, String template, Map<String, Object> variables) {
    }
}
