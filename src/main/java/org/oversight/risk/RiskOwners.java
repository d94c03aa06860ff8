package org.oversight.risk;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.oversight.platform.Account;
import org.oversight.platform.Accounts;
import org.oversight.shared.InputException;
import org.springframework.stereotype.Component;

/**
 * An owner must be someone Oversight knows: a user (by name or username) or an owner already
 * named in a register, so a mistyped name never creates an owner nobody can act as.
 */
@Component
class RiskOwners {

    private final RiskRepository risks;
    private final Accounts accounts;

    RiskOwners(RiskRepository risks, Accounts accounts) {
        this.risks = risks;
        this.accounts = accounts;
    }

    /** {@code row} is the file's row, or null for a form. */
    void check(Integer row, List<String> owners) {
        if (owners.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>(risks.owners());
        for (Account a : accounts.all()) {
            known.add(a.displayName());
            known.add(a.username());
        }
        for (String o : owners) {
            if (!known.contains(o)) {
                throw new InputException(row, row == null ? "owners" : "owner", "'" + o + "' is not a known risk owner or user: check the name, or ask an administrator to add them as a user");
            }
        }
    }
}
