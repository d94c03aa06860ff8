package org.oversight.publishing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;
import org.oversight.shared.FormErrors;

/**
 * A paper's publish form: the findings of its checks ticked, each with its own reason (a box named why-KEY
 * for the finding's key, blank to take the reason for all), against the draft the publisher read.
 */
class PublishForm {

    /** The directorate or division, or for a risk report the register; none for the whole council. */
    public String scope;
    /** The scope's older name, still sent by links kept from before. */
    public String directorate;
    /** The keys of the findings ticked. */
    @Size(max = 500, message = "Tick at most 500 findings")
    public List<String> accept = new ArrayList<>();
    public String why;
    /** The fingerprint of the draft the publisher read: publishing is refused if the paper has changed since. */
    public String seen;

    /**
     * The errors of a refused publish form for the page's error summary: a refusal at no box (a stale draft, someone else
     * publishing first) is linked to the checks, which the form follows.
     */
    static FormErrors summary(FormErrors errors) {
        FormErrors summary = new FormErrors();
        errors.all().forEach((box, message) -> summary.add(box.equals("form") ? "checks" : box, message));
        return summary;
    }

    /** The longest own reason kept to show again. */
    private static final int REASON = 2_000;

    /** Each ticked finding with its own reason from what was sent (the why-KEY boxes no form object can name), blank for none. */
    Map<String, String> accepted(Map<String, String> sent) {
        Map<String, String> accepted = new LinkedHashMap<>();
        accept.forEach(key -> accepted.put(key, sent.getOrDefault("why-" + key, "")));
        return accepted;
    }

    /** Every own reason typed, ticked or not, to show again if the paper cannot go out yet. */
    static Map<String, String> reasons(Map<String, String> sent) {
        Map<String, String> reasons = new LinkedHashMap<>();
        sent.forEach((name, value) -> {
            if (name.startsWith("why-") && name.length() <= 24) {
                reasons.put(name.substring(4), value.length() <= REASON ? value : value.substring(0, REASON));
            }
        });
        return reasons;
    }
}
