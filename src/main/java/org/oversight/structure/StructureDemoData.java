package org.oversight.structure;

import java.util.List;

import org.oversight.shared.CsvTable;
import org.oversight.shared.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo council's structure as its papers name it: Kent's four directorates (the budget monitoring of December 2017),
 * the Adult Social Care and Health divisions of the 2017-18 business plan and of the March 2019 dashboard, the other
 * spellings the papers use, and the Cabinet Member and Corporate Director where a paper names them (blank where none
 * does). Loaded before any other module's demo, which names these units.
 */
@Component
class StructureDemoData {

    private final boolean enabled;
    private final UnitRepository store;
    private final TransactionTemplate transaction;

    StructureDemoData(@Value("${oversight.demo:true}") boolean enabled, UnitRepository store, TransactionTemplate transaction) {
        this.enabled = enabled;
        this.store = store;
        this.transaction = transaction;
    }

    void load() {
        if (!enabled || !store.all(Units.AUTHORITY).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            for (CsvTable.Row r : CsvTable.resource("demo/structure/units.csv")) {
                Long parent = Text.orNull(r.text("parent")) == null ? null
                        : store.all(Units.AUTHORITY).stream().filter(u -> u.name().equals(r.text("parent"))).findFirst().orElseThrow().id();
                Unit u = store.get(Units.AUTHORITY, store.insert(new Unit(0, Units.AUTHORITY, Unit.Kind.valueOf(r.required("kind")), parent,
                        r.required("name"), Text.orNull(r.text("short_name")), Text.orNull(r.text("cabinet_member")),
                        Text.orNull(r.text("corporate_director")), null, null, 0)));
                List<String> aliases = Text.orNull(r.text("aliases")) == null ? List.of() : List.of(r.text("aliases").split(";"));
                store.replaceNames(u, aliases.stream().map(String::strip).toList());
            }
        });
    }
}
