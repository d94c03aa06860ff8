package org.oversight.finance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each month's position by service line. */
@Repository
class ServiceLineRepository {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    ServiceLineRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A unit renamed from {@code effective}: lines of months from then on read under the new name, earlier ones keep the name reported under. */
    void renameUnit(String before, String after, LocalDate effective) {
        jdbc.sql("update service_line_position set directorate = :a where directorate = :b and month >= :e").param("a", after).param("b", before).param("e", effective.withDayOfMonth(1)).update();
        jdbc.sql("update service_line_position set division = :a where division = :b and month >= :e").param("a", after).param("b", before).param("e", effective.withDayOfMonth(1)).update();
    }

    /** A month's service lines replace whatever the month held, in one batch. */
    void saveServiceLines(YearMonth month, List<ServiceLine> lines, String user) {
        jdbc.sql("delete from service_line_position where month = :m").param("m", month.atDay(1)).update();
        AtomicInteger position = new AtomicInteger();
        batch.batchUpdate("""
                insert into service_line_position (month, position, directorate, division, name, cash_gross, cash_income, cash_net, variance_net, movement,
                    rounded_to, entered_by) values (:m, :p, :d, :v, :n, :g, :i, :net, :var, :mv, :r, :u)""",
                lines.stream().map(l -> new MapSqlParameterSource().addValue("m", month.atDay(1))
                        .addValue("p", position.incrementAndGet()).addValue("d", l.directorate()).addValue("v", l.division()).addValue("n", l.name())
                        .addValue("g", l.gross()).addValue("i", l.income()).addValue("net", l.net()).addValue("var", l.variance()).addValue("mv", l.movement())
                        .addValue("r", l.roundedTo()).addValue("u", user)).toArray(SqlParameterSource[]::new));
    }

    List<ServiceLine> serviceLines(YearMonth month) {
        return jdbc.sql("select * from service_line_position where month = :m order by position").param("m", month.atDay(1))
                .query((rs, n) -> new ServiceLine(0, rs.getString("directorate"), rs.getString("division"), rs.getString("name"), rs.getBigDecimal("cash_gross"),
                        rs.getBigDecimal("cash_income"), rs.getBigDecimal("cash_net"), rs.getBigDecimal("variance_net"), rs.getBigDecimal("movement"),
                        rs.getBigDecimal("rounded_to"))).list();
    }
}
