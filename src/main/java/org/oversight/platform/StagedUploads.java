package org.oversight.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.oversight.shared.InputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
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

    private final TransactionTemplate transactions;

    StagedUploads(StagedUploadRepository staged, CurrentUser user, PlatformTransactionManager transactions) {
        this.staged = staged;
        this.user = user;
        this.transactions = new TransactionTemplate(transactions);
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

    /**
     * What loading the staged file would do, without doing it: the load itself, run in a transaction
     * that is then rolled back, so the preview is the load's own result — every check it makes, every
     * count it gives — and nothing is kept (nor any reaction to it started: those wait for a commit).
     */
    public <T> T preview(String kind, UUID token, Function<Staged, T> load) {
        Staged s = get(kind, token);
        return transactions.execute(status -> {
            status.setRollbackOnly();
            return load.apply(s);
        });
    }

    /** Loads the staged file and forgets it, in one transaction: a refused load keeps the file, to be corrected or tried again. */
    public <T> T load(String kind, UUID token, Function<Staged, T> load) {
        Staged s = get(kind, token);
        return transactions.execute(status -> {
            T result = load.apply(s);
            staged.remove(s.token());
            return result;
        });
    }

    /** Forgets a staged file: the user chose another or gave up. */
    @Transactional
    public void discard(UUID token) {
        staged.remove(token);
    }
}
