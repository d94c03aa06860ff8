package org.oversight.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.oversight.shared.InputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * The one way a file is uploaded, for every kind (a scorecard, figures, a budget, rates, delays, a
 * risk register): staged on the server under a token, checked and previewed, then loaded from
 * exactly the bytes the preview showed. The token is its uploader's alone, so another user cannot
 * load it; a staged file waits a day, and a user's next file of the same kind replaces it.
 */
@Service
public class StagedUploads {

    static final Duration KEPT = Duration.ofDays(1);

    /** A staged file: what was uploaded and its token. */
    public record Staged(UUID token, String kind, String fileName, byte[] content) {
    }

    private final StagedUploadRepository staged;
    private final CurrentUser user;

    StagedUploads(StagedUploadRepository staged, CurrentUser user) {
        this.staged = staged;
        this.user = user;
    }

    /** Stages the uploaded {@code file} of a kind for the signed-in user; refused, naming the box, when no file was chosen. */
    @Transactional
    public Staged stage(String kind, String field, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new InputException(field, "choose a file to check");
        }
        try {
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? kind + ".csv" : file.getOriginalFilename();
            return stage(kind, name, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional
    public Staged stage(String kind, String fileName, byte[] content) {
        staged.removeOlderThan(KEPT);
        staged.removeOthers(kind, user.name());
        Staged s = new Staged(UUID.randomUUID(), kind, fileName, content);
        staged.add(s.token(), kind, user.name(), fileName, content);
        return s;
    }

    /** The file staged under {@code token} by the signed-in user, for loading or for its preview again. */
    public Staged get(String kind, UUID token) {
        return Optional.ofNullable(token).flatMap(t -> staged.find(t, kind, user.name())).orElseThrow(() -> new InputException("file",
                "there is no checked file waiting to be loaded (a file waits a day, and only for whoever checked it): choose it again"));
    }

    /** Forgets a staged file once loaded (in the loading transaction, so a failed load keeps it to try again). */
    @Transactional
    public void done(UUID token) {
        staged.remove(token);
    }
}
