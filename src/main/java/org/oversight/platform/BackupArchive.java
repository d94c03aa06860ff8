package org.oversight.platform;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.oversight.shared.InputException;

/**
 * The backup file: a zip of one COPY stream per table and a manifest of their rows, bytes and
 * SHA-256, signed with the installation's key; read back with every size and hash checked.
 */
final class BackupArchive {

    static final String FORMAT = "oversight-backup-2";
    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    private BackupArchive() {
    }

    static ZipFile openZip(Path file) {
        try {
            return new ZipFile(file.toFile());
        } catch (IOException e) {
            throw refused(file, "it is not a zip archive (" + e.getMessage() + ")");
        }
    }

    static byte[] read(ZipFile zip, Path file, String name) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null) {
            throw refused(file, "it has no " + name);
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                throw refused(file, "its " + name + " is over 1 MB");
            }
            return bytes;
        }
    }

    static InputException refused(Path file, String why) {
        return new InputException(null, null, file + " was not restored: " + why + ". The database is unchanged.");
    }

    static String sign(String key, byte[] manifest) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(manifest));
    }

    /** Counts what passes through. */
    static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }
    }

    /** Hashes what it reads and stops one byte past what the manifest promised, so a zip bomb never fills the disk. */
    static final class Bounded extends FilterInputStream {
        private final long limit;
        private final MessageDigest sha;
        long read;
        boolean over;

        Bounded(InputStream in, long limit, MessageDigest sha) {
            super(in);
            this.limit = limit;
            this.sha = sha;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, Math.max(1, limit + 1 - read)));
            if (n > 0) {
                read += n;
                sha.update(b, off, n);
                if (read > limit) {
                    over = true;
                    throw new IOException("more data than the manifest says");
                }
            }
            return n;
        }
    }

    static OutputStream uncloseable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

}
