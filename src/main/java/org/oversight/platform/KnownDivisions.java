package org.oversight.platform;

import java.util.List;

import org.oversight.shared.DivisionsInUse;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Every division a module has named, for the users' administration to offer as tick boxes. */
@Component
class KnownDivisions {

    private final JdbcClient jdbc;

    KnownDivisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the naming module's transaction: a division is known exactly when the change that named it is saved. */
    @EventListener
    void on(DivisionsInUse event) {
        for (String name : event.divisions()) {
            jdbc.sql("insert into known_division (name) values (:n) on conflict do nothing").param("n", name).update();
        }
    }

    List<String> all() {
        return jdbc.sql("select name from known_division order by name").query(String.class).list();
    }
}
