package org.oversight.finance;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The budget book: its headings, each year's cash limits and their changes. */
@Repository
class BudgetBookRepository {

    private final JdbcClient jdbc;

    BudgetBookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** V21's counter, moved by every change to what budget monitoring shows. */
    long changeCounter() {
        return jdbc.sql("select counter from finance_change").query(Long.class).single();
    }

    int countHeadings() {
        return jdbc.sql("select count(*) from budget_heading").query(Integer.class).single();
    }

    List<Budget.Heading> headings() {
        return jdbc.sql("select * from budget_heading order by position, id").query((rs, n) -> new Budget.Heading(rs.getLong("id"),
                (Long) rs.getObject("parent_id"), rs.getString("name"), rs.getInt("position"), rs.getBoolean("outside_headline"))).list();
    }

    /** Loads are one at a time: a book and its forecasts change together or not at all. */
    void lock() {
        jdbc.sql("lock table budget_heading in share row exclusive mode").update();
    }

    /** Every heading's id by {@link #key}: its parent and its name. */
    Map<String, Long> headingIds() {
        Map<String, Long> out = new HashMap<>();
        jdbc.sql("select id, parent_id, name from budget_heading").query(rs -> {
            out.put(key((Long) rs.getObject("parent_id"), rs.getString("name")), rs.getLong("id"));
        });
        return out;
    }

    static String key(Long parent, String name) {
        return parent + "\u0000" + name;
    }

    /** The position after the book's last heading: a file's new headings follow in its order. */
    int nextPosition() {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from budget_heading").query(Integer.class).single();
    }

    /** A unit renamed: its heading of the book (which carries no date) reads under the new name. */
    void renameHeading(String before, String after) {
        jdbc.sql("update budget_heading h set name = :a where name = :b and not exists (select 1 from budget_heading o where o.parent_id is not distinct from h.parent_id and o.name = :a)")
                .param("a", after).param("b", before).update();
    }

    long insertHeading(Long parent, String name, int position) {
        return jdbc.sql("insert into budget_heading (parent_id, name, position) values (:p, :n, :o) returning id")
                .param("p", parent).param("n", name).param("o", position).query(Long.class).single();
    }

    void setOutsideHeadline(long heading, boolean outside) {
        jdbc.sql("update budget_heading set outside_headline = :o where id = :h and parent_id is null").param("o", outside).param("h", heading).update();
    }

    boolean headingHasLines(long heading) {
        return jdbc.sql("select exists (select 1 from budget_heading where parent_id = :h)").param("h", heading).query(Boolean.class).single();
    }

    /** The year's cash limits by heading. */
    Map<Long, Budget.Figures> cashLimits(int year) {
        Map<Long, Budget.Figures> out = new HashMap<>();
        jdbc.sql("select * from cash_limit where year = :y").param("y", year).query(rs -> {
            out.put(rs.getLong("heading_id"), new Budget.Figures(rs.getBigDecimal("gross"), rs.getBigDecimal("income"), rs.getBigDecimal("net"), null, null, null,
                    null, null));
        });
        return out;
    }

    void saveCashLimit(long heading, int year, BigDecimal gross, BigDecimal income, BigDecimal net) {
        jdbc.sql("""
                insert into cash_limit (heading_id, year, gross, income, net) values (:h, :y, :g, :i, :n)
                on conflict (heading_id, year) do update set gross = excluded.gross, income = excluded.income, net = excluded.net,
                    modified_at = now(), version = cash_limit.version + 1""")
                .param("h", heading).param("y", year).param("g", gross).param("i", income).param("n", net).update();
    }

    void insertChange(long heading, int year, YearMonth month, BigDecimal gross, BigDecimal income, BigDecimal net, String reason, String user) {
        jdbc.sql("""
                insert into cash_limit_change (heading_id, year, month, gross, income, net, reason, made_by) values (:h, :y, :m, :g, :i, :n, :r, :u)""")
                .param("h", heading).param("y", year).param("m", month.atDay(1)).param("g", gross).param("i", income).param("n", net).param("r", reason)
                .param("u", user).update();
    }
}
