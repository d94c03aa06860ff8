package org.oversight.finance;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.oversight.shared.InputException;
import org.springframework.web.multipart.MultipartFile;

/** A form's uploaded file, read whole: the files a page loads are a month's or a year's figures, a few megabytes at most. */
final class Uploads {

    private Uploads() {
    }

    /** The file's bytes; refused at its box, with {@code missing} saying what to choose, when none was chosen. */
    static byte[] bytes(MultipartFile file, String missing) {
        if (file == null || file.isEmpty()) {
            throw new InputException("file", missing);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
