package org.oversight.performance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.oversight.shared.ConflictException;
import org.oversight.shared.InputException;
import org.oversight.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class IndicatorRepository {

    private final JdbcClient jdbc;

    IndicatorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void renameUnit(boolean directorate, String before, String after) {
        jdbc.sql(directorate ? "update indicator set directorate = :a where directorate = :b" : "update indicator set division = :a where division = :b")
                .param("a", after).param("b", before).update();
    }

    /** No indicator at all, archived or not: a new database, the demo data's to fill. */
    boolean none() {
        return jdbc.sql("select count(*) from indicator").query(Integer.class).single() == 0;
    }

    List<Indicator> findAll(boolean includeArchived) {
        return jdbc.sql("select * from indicator where active or :all order by directorate nulls last, id")
                .param("all", includeArchived).query(IndicatorRepository::map).list();
    }

    Optional<Indicator> findById(long id) {
        return jdbc.sql("select * from indicator where id = :id").param("id", id).query(IndicatorRepository::map).optional();
    }

    Optional<Indicator> findByRef(String ref) {
        return jdbc.sql("select * from indicator where ref = :ref").param("ref", ref).query(IndicatorRepository::map).optional();
    }

    /** The indicators with these references, by reference, in one query. */
    Map<String, Indicator> findByRefs(Collection<String> refs) {
        Map<String, Indicator> m = new HashMap<>();
        if (!refs.isEmpty()) {
            jdbc.sql("select * from indicator where ref in (:refs)").param("refs", refs).query(IndicatorRepository::map).list()
                    .forEach(i -> m.put(i.ref(), i));
        }
        return m;
    }

    Indicator get(long id) {
        return findById(id).orElseThrow(() -> new NotFoundException("There is no indicator " + id));
    }

    long insert(Indicator i) {
        try {
            return jdbc.sql("""
                    insert into indicator (ref, title, definition, section, kind, polarity, unit, decimals, data_period,
                        frequency, data_source, cabinet_member, director, portfolio, directorate, division, in_qpr, in_divmt, active)
                    values (:ref, :title, :definition, :section, :kind, :polarity, :unit, :decimals, :dataPeriod,
                        :frequency, :dataSource, :cabinetMember, :director, :portfolio, :directorate, :division, :inQpr, :inDivmt, :active)
                    returning id""").paramSource(params(i)).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new InputException("ref", "an indicator with the reference '" + i.ref() + "' already exists");
        }
    }

    /** Saves the edit only if nobody saved the indicator since {@code i.version()} was read. */
    void update(Indicator i) {
        int n;
        try {
            n = jdbc.sql("""
                    update indicator set ref = :ref, title = :title, definition = :definition, section = :section, kind = :kind,
                        polarity = :polarity, unit = :unit, decimals = :decimals, data_period = :dataPeriod, frequency = :frequency,
                        data_source = :dataSource, cabinet_member = :cabinetMember, director = :director, portfolio = :portfolio,
                        directorate = :directorate, division = :division, in_qpr = :inQpr, in_divmt = :inDivmt, active = :active,
                        version = version + 1
                    where id = :id and version = :version""").paramSource(params(i)).update();
        } catch (DuplicateKeyException e) {
            throw new InputException("ref", "an indicator with the reference '" + i.ref() + "' already exists");
        }
        if (n == 0) {
            get(i.id());
            throw new ConflictException("Indicator " + i.ref() + " was changed by someone else after you opened it. "
                    + "Your changes were not saved: reload it to see the current version.");
        }
    }

    private static Map<String, Object> params(Indicator i) {
        var m = new HashMap<String, Object>();
        m.put("id", i.id());
        m.put("ref", i.ref());
        m.put("title", i.title());
        m.put("definition", i.definition());
        m.put("section", i.section());
        m.put("kind", i.kind().name());
        m.put("polarity", i.polarity() == null ? null : i.polarity().name());
        m.put("unit", i.unit());
        m.put("decimals", i.decimals());
        m.put("dataPeriod", i.dataPeriod());
        m.put("frequency", i.frequency().name());
        m.put("dataSource", i.dataSource());
        m.put("cabinetMember", i.cabinetMember());
        m.put("director", i.director());
        m.put("portfolio", i.portfolio());
        m.put("directorate", i.directorate());
        m.put("division", i.division());
        m.put("inQpr", i.inQpr());
        m.put("inDivmt", i.inDivmt());
        m.put("active", i.active());
        m.put("version", i.version());
        return m;
    }

    static Indicator map(ResultSet rs, int row) throws SQLException {
        String polarity = rs.getString("polarity");
        return new Indicator(rs.getLong("id"), rs.getString("ref"), rs.getString("title"), rs.getString("definition"),
                rs.getString("section"), Indicator.Kind.valueOf(rs.getString("kind")),
                polarity == null ? null : Polarity.valueOf(polarity), rs.getString("unit"), rs.getInt("decimals"),
                rs.getString("data_period"), Indicator.Frequency.valueOf(rs.getString("frequency")), rs.getString("data_source"),
                rs.getString("cabinet_member"), rs.getString("director"), rs.getString("portfolio"), rs.getString("directorate"),
                rs.getString("division"), rs.getBoolean("in_qpr"), rs.getBoolean("in_divmt"), rs.getBoolean("active"),
                rs.getInt("version"));
    }
}
