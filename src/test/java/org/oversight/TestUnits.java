package org.oversight;

import org.oversight.structure.Unit;
import org.oversight.structure.UnitForm;
import org.oversight.structure.Units;
import org.springframework.stereotype.Component;

/** Parts of the council for tests that write, added to the structure the first time a test names them. */
@Component
public class TestUnits {

    private final Units units;

    TestUnits(Units units) {
        this.units = units;
    }

    public synchronized String directorate(String name) {
        return units.named(name).map(Unit::name).orElseGet(() -> units.create(form(Unit.Kind.DIRECTORATE, name, null), "tests").name());
    }

    public synchronized String division(String name, String directorate) {
        String parent = directorate(directorate);
        return units.named(name).map(Unit::name).orElseGet(() -> units.create(form(Unit.Kind.DIVISION, name, parent), "tests").name());
    }

    private static UnitForm form(Unit.Kind kind, String name, String parent) {
        UnitForm f = new UnitForm();
        f.kind = kind;
        f.name = name;
        f.parent = parent;
        return f;
    }
}
