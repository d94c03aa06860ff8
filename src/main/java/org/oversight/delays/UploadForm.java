package org.oversight.delays;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.oversight.shared.InputException;
import org.springframework.web.multipart.MultipartFile;

/** A file of delayed days to load (spec/delays-csv.md), and whether it may replace the fed indicators' own figures. */
class UploadForm {

    public MultipartFile file;
    public boolean replace;

    /** What the file holds; refused at its box when none was chosen. */
    byte[] content() {
        if (file == null || file.isEmpty()) {
            throw new InputException("file", "Choose the file of delayed days (CSV)");
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
