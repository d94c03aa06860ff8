package org.oversight.delays;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The indicators the delays feed, by measure ({@code per_100k}, {@code social_care_share}), and what the feed last wrote as each one's
 * figure: a figure held that is not that is the indicator's own.
 */
@Repository
class FeedRepository {

    private final JdbcClient jdbc;

    FeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The indicator fed, by measure. */
    Map<String, Long> feeds() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select measure, indicator_id from delay_feed").query(rs -> {
            out.put(rs.getString("measure"), rs.getLong("indicator_id"));
        });
        return out;
    }

    void save(String measure, Long indicator, String user) {
        jdbc.sql("delete from delay_feed where measure = :m").param("m", measure).update();
        if (indicator != null) {
            jdbc.sql("insert into delay_feed (measure, indicator_id, entered_by) values (:m, :i, :u)").param("m", measure).param("i", indicator)
                    .param("u", user).update();
        }
    }

    /** What the feed last wrote as the indicator's figure, by month. */
    Map<YearMonth, BigDecimal> written(long indicator) {
        Map<YearMonth, BigDecimal> out = new HashMap<>();
        jdbc.sql("select month, value from delay_fed_figure where indicator_id = :i").param("i", indicator).query(rs -> {
            out.put(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getBigDecimal("value"));
        });
        return out;
    }

    void written(long indicator, YearMonth month, BigDecimal value) {
        jdbc.sql("""
                insert into delay_fed_figure (indicator_id, month, value) values (:i, :m, :v)
                on conflict (indicator_id, month) do update set value = excluded.value""").param("i", indicator).param("m", month.atDay(1)).param("v", value).update();
    }
}
