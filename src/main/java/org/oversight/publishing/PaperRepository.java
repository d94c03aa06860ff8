package org.oversight.publishing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.oversight.platform.StoredBody;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Published papers, each version as it went out; the database refuses to change or remove one (V10). */
@Repository
class PaperRepository {

    /** {@code findings}: what the checks found and the publisher accepted, with {@code reason}; none when they found nothing. */
    record Version(long id, String kind, YearMonth period, String scope, int version, String htmlSha256, String pdfSha256,
                   String publishedBy, OffsetDateTime publishedAt, List<String> findings, String reason, String title) {
    }

    private final JdbcClient jdbc;

    PaperRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int nextVersion(String kind, YearMonth month, String scope) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from paper where kind = :k and period = :p and scope = :s")
                .param("k", kind).param("p", month.atDay(1)).param("s", scope).query(Integer.class).single();
    }

    long insert(String kind, YearMonth month, String scope, int version, String title, String html, String htmlSha, byte[] pdf, String pdfSha, String data,
                String user, List<String> findings, String reason) {
        return jdbc.sql("""
                insert into paper (kind, period, scope, version, title, html, html_sha256, pdf, pdf_sha256, data, published_by, findings, reason)
                values (:k, :p, :s, :v, :t, :html, :hs, :pdf, :ps, cast(:data as jsonb), :u, cast(:f as jsonb), :r) returning id""")
                .param("k", kind).param("p", month.atDay(1)).param("s", scope).param("v", version).param("t", title).param("html", html).param("hs", htmlSha)
                .param("pdf", pdf).param("ps", pdfSha).param("data", data).param("u", user).param("f", JSON.writeValueAsString(findings))
                .param("r", reason).query(Long.class).single();
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Newest first. */
    List<Version> versions(String kind, YearMonth month, String scope) {
        return jdbc.sql("""
                select id, kind, period, scope, version, html_sha256, pdf_sha256, published_by, published_at, findings::text as findings, reason, title from paper
                where kind = :k and period = :p and lower(scope) = lower(:s) order by version desc""")
                .param("k", kind).param("p", month.atDay(1)).param("s", scope).query((rs, n) -> version(rs)).list();
    }

    /** Every paper's latest version, newest month first: what the public may read. */
    List<Version> latest() {
        return jdbc.sql("""
                select distinct on (kind, period, scope) id, kind, period, scope, version, html_sha256, pdf_sha256, published_by, published_at,
                       findings::text as findings, reason, title
                from paper order by kind, period desc, scope, version desc""").query((rs, n) -> version(rs)).list();
    }

    Optional<String> html(long id) {
        return jdbc.sql("select html from paper where id = :id").param("id", id).query(String.class).optional();
    }

    Optional<byte[]> pdf(long id) {
        return jdbc.sql("select pdf from paper where id = :id").param("id", id).query(byte[].class).optional();
    }

    /** The version's HTML (as UTF-8) and PDF as they are read, a piece at a time. */
    StoredBody htmlBody(long id) {
        // A UTF-8 database's text is its bytes: their count is known without reading (and decompressing) the page.
        return body("paper " + id + " (HTML)", "convert_to(html, 'UTF8')",
                "case when current_setting('server_encoding') = 'UTF8' then octet_length(html) else octet_length(convert_to(html, 'UTF8')) end", id);
    }

    StoredBody pdfBody(long id) {
        return body("paper " + id + " (PDF)", "pdf", "length(pdf)", id);
    }

    private StoredBody body(String name, String column, String length, long id) {
        return jdbc.sql("select " + length + ", substring(" + column + " from 1 for :n) from paper where id = :id").param("n", StoredBody.PIECE)
                .param("id", id).query((rs, i) -> new StoredBody(name, rs.getLong(1), rs.getBytes(2), (offset, n) -> jdbc.sql(
                        "select substring(" + column + " from :from for :n) from paper where id = :id")
                        .param("from", Math.toIntExact(offset + 1)).param("n", n).param("id", id).query(byte[].class).single())).single();
    }

    /** The paper's own stylesheet (what its first style element holds), for the page's content policy. */
    Optional<String> style(long id) {
        return jdbc.sql("""
                select case when position('<style>' in html) > 0 and position('</style>' in html) > position('<style>' in html)
                    then substring(html from position('<style>' in html) + 7 for position('</style>' in html) - position('<style>' in html) - 7) end
                from paper where id = :id""").param("id", id).query(String.class).optional();
    }

    Optional<String> data(long id) {
        return jdbc.sql("select data::text from paper where id = :id").param("id", id).query(String.class).optional();
    }

    private static Version version(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Version(rs.getLong("id"), rs.getString("kind"), YearMonth.from(rs.getObject("period", LocalDate.class)), rs.getString("scope"),
                rs.getInt("version"), rs.getString("html_sha256"), rs.getString("pdf_sha256"), rs.getString("published_by"),
                rs.getObject("published_at", OffsetDateTime.class),
                JSON.readTree(rs.getString("findings")).valueStream().map(n -> n.asString()).toList(), rs.getString("reason"),
                rs.getString("title").isEmpty() ? rs.getString("kind") + " paper, " + rs.getObject("period", LocalDate.class).toString().substring(0, 7)
                        + (rs.getString("scope").isEmpty() ? "" : ", " + rs.getString("scope")) : rs.getString("title"));
    }
}
