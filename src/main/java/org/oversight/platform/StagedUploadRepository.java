package org.oversight.platform;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The staged_upload table: files waiting, after their check, to be loaded. */
@Repository
class StagedUploadRepository {

    private final JdbcClient jdbc;

    StagedUploadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID token, String kind, String username, String fileName, byte[] content) {
        jdbc.sql("insert into staged_upload (token, kind, username, file_name, content) values (:t, :k, :u, :f, :c)")
                .param("t", token).param("k", kind).param("u", username).param("f", fileName).param("c", content).update();
    }

    Optional<StagedUploads.Staged> find(UUID token, String kind, String username) {
        return jdbc.sql("select token, kind, file_name, content from staged_upload where token = :t and kind = :k and username = :u")
                .param("t", token).param("k", kind).param("u", username)
                .query((rs, n) -> new StagedUploads.Staged(rs.getObject("token", UUID.class), rs.getString("kind"),
                        rs.getString("file_name"), rs.getBytes("content")))
                .optional();
    }

    void remove(UUID token) {
        jdbc.sql("delete from staged_upload where token = :t").param("t", token).update();
    }

    /** A user's earlier file of the same kind: one waits per user and kind, the last checked. */
    void removeOthers(String kind, String username) {
        jdbc.sql("delete from staged_upload where kind = :k and username = :u").param("k", kind).param("u", username).update();
    }

    int removeOlderThan(Duration age) {
        return jdbc.sql("delete from staged_upload where staged_at < now() - make_interval(secs => :s)")
                .param("s", age.toSeconds()).update();
    }
}
