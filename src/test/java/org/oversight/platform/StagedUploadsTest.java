package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.oversight.OversightTest;
import org.oversight.shared.InputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** A checked file waits on the server for its uploader alone, until loaded, replaced or a day old. */
@OversightTest
class StagedUploadsTest {

    @Autowired StagedUploads uploads;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void as(String username) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(username, null, AuthorityUtils.createAuthorityList("ROLE_PERFORMANCE")));
    }

    private static MockMultipartFile file(String name, String text) {
        return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theUploaderGetsBackExactlyTheBytesCheckedAndNoOneElseCan() {
        as("staging-officer");
        StagedUploads.Staged s = uploads.stage("test-kind", "file", file("figures.csv", "ref,month,value\nASC1,2019-01,85.5\n"));

        StagedUploads.Staged back = uploads.get("test-kind", s.token());
        assertThat(back.fileName()).isEqualTo("figures.csv");
        assertThat(new String(back.content(), StandardCharsets.UTF_8)).isEqualTo("ref,month,value\nASC1,2019-01,85.5\n");

        as("someone-else");
        assertThatThrownBy(() -> uploads.get("test-kind", s.token())).isInstanceOf(InputException.class)
                .hasMessageContaining("no checked file waiting");
        as("staging-officer");
        assertThatThrownBy(() -> uploads.get("another-kind", s.token())).isInstanceOf(InputException.class);
    }

    @Test
    void aSecondFileOfTheSameKindReplacesTheFirstAndALoadedFileIsGone() {
        as("staging-officer-2");
        StagedUploads.Staged first = uploads.stage("test-kind", "file", file("a.csv", "a"));
        StagedUploads.Staged second = uploads.stage("test-kind", "file", file("b.csv", "b"));

        assertThatThrownBy(() -> uploads.get("test-kind", first.token())).isInstanceOf(InputException.class);
        assertThat(uploads.get("test-kind", second.token()).fileName()).isEqualTo("b.csv");

        uploads.discard(second.token());
        assertThatThrownBy(() -> uploads.get("test-kind", second.token())).isInstanceOf(InputException.class);
    }

    @Test
    void aPreviewIsTheLoadItselfRolledBackAndALoadKeepsWhatItWroteAndForgetsTheFile() {
        as("staging-officer-4");
        StagedUploads.Staged s = uploads.stage("test-kind", "file", file("lines.csv", "one"));
        Function<StagedUploads.Staged, Integer> write = f -> {
            // What a load writes, in a table the app may write: a row of a kind no upload has.
            jdbc.sql("insert into staged_upload (token, kind, username, file_name, content) values (gen_random_uuid(), 'probe', 'x', 'x', :c)")
                    .param("c", f.content()).update();
            return probes();
        };

        assertThat(uploads.preview("test-kind", s.token(), write)).as("the load's own count, inside it").isEqualTo(1);
        assertThat(probes()).as("nothing kept by a preview").isZero();

        assertThatThrownBy(() -> uploads.load("test-kind", s.token(), f -> {
            write.apply(f);
            throw new InputException("file", "row 2, column value: not a number");
        })).isInstanceOf(InputException.class);
        assertThat(probes()).as("a refused load is all or nothing").isZero();
        assertThat(uploads.get("test-kind", s.token()).fileName()).as("kept to try again").isEqualTo("lines.csv");

        assertThat(uploads.load("test-kind", s.token(), write)).isEqualTo(1);
        assertThat(probes()).isEqualTo(1);
        assertThatThrownBy(() -> uploads.get("test-kind", s.token())).as("forgotten once loaded").isInstanceOf(InputException.class);
        jdbc.sql("delete from staged_upload where kind = 'probe'").update();
    }

    private int probes() {
        return jdbc.sql("select count(*) from staged_upload where kind = 'probe'").query(Integer.class).single();
    }

    @Test
    void aFileADayOldIsForgottenAndNoFileChosenIsRefusedAtItsBox() {
        as("staging-officer-3");
        StagedUploads.Staged old = uploads.stage("test-kind", "file", file("old.csv", "x"));
        jdbc.sql("update staged_upload set staged_at = now() - interval '25 hours' where token = :t").param("t", old.token()).update();

        uploads.stage("other-kind", "file", file("new.csv", "y"));

        assertThat(jdbc.sql("select count(*) from staged_upload where token = :t").param("t", old.token()).query(Integer.class).single()).isZero();
        assertThatThrownBy(() -> uploads.stage("test-kind", "file", file("empty.csv", ""))).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).field()).isEqualTo("file"));
        assertThatThrownBy(() -> uploads.get("test-kind", (UUID) null)).isInstanceOf(InputException.class);
    }
}
