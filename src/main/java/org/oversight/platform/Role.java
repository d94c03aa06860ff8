package org.oversight.platform;

/** What a signed-in user may do; no role grants anything not listed here (deny by default). */
public enum Role {
    ADMIN("Administrator", "users, roles and settings; the audit trail"),
    PERFORMANCE("Performance team", "indicators, targets, imports, publishing dashboards, all figures"),
    DATA_OWNER("Data owner", "figures and commentary for the divisions and indicators assigned"),
    RISK_TEAM("Risk team", "risk registers, every risk, escalation, imports"),
    RISK_OWNER("Risk owner", "reviews of the risks naming them as an owner (by their name or username)"),
    FINANCE_OFFICER("Finance officer", "budget monitoring and its report; rates and charges: loading, approving and publishing them"),
    CLERK("Committee clerk", "committees, meetings, agendas, reports, minutes and decisions"),
    MEMBER("Member", "reads everything published and the drafts of their committees");

    private final String title;
    private final String grants;

    Role(String title, String grants) {
        this.title = title;
        this.grants = grants;
    }

    public String title() {
        return title;
    }

    public String grants() {
        return grants;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
