package org.oversight.finance;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The reserves, with each month's balance and movements. */
@Repository
class ReserveRepository {

    private final JdbcClient jdbc;

    ReserveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void clearReserves(YearMonth month) {
        jdbc.sql("delete from reserve_movement where month = :m").param("m", month.atDay(1)).update();
        jdbc.sql("delete from reserve_balance where month = :m").param("m", month.atDay(1)).update();
    }

    void saveReserve(YearMonth month, ReserveLine r, String user) {
        long id = jdbc.sql("""
                insert into reserve (grp, name, position) values (:g, :n, (select coalesce(max(position), 0) + 1 from reserve))
                on conflict (grp, name) do update set name = excluded.name returning id""").param("g", r.group()).param("n", r.reserve()).query(Long.class).single();
        jdbc.sql("insert into reserve_balance (reserve_id, month, opening, projected, entered_by) values (:r, :m, :o, :p, :u)").param("r", id)
                .param("m", month.atDay(1)).param("o", r.opening()).param("p", r.projected()).param("u", user).update();
        int i = 0;
        for (ReserveLine.Movement m : r.movements()) {
            jdbc.sql("insert into reserve_movement (reserve_id, month, position, description, amount) values (:r, :m, :i, :d, :a)").param("r", id)
                    .param("m", month.atDay(1)).param("i", ++i).param("d", m.description()).param("a", m.amount()).update();
        }
    }

    List<ReserveLine> reserves(YearMonth month) {
        Map<Long, List<ReserveLine.Movement>> movements = new HashMap<>();
        jdbc.sql("select * from reserve_movement where month = :m order by position").param("m", month.atDay(1)).query(rs -> {
            movements.computeIfAbsent(rs.getLong("reserve_id"), k -> new ArrayList<>())
                    .add(new ReserveLine.Movement(0, rs.getString("description"), rs.getBigDecimal("amount")));
        });
        return jdbc.sql("select r.*, b.opening, b.projected from reserve r join reserve_balance b on b.reserve_id = r.id where b.month = :m order by r.position")
                .param("m", month.atDay(1)).query((rs, n) -> new ReserveLine(0, rs.getString("grp"), rs.getString("name"), rs.getBigDecimal("opening"),
                        rs.getBigDecimal("projected"), movements.getOrDefault(rs.getLong("id"), List.of()))).list();
    }
}
