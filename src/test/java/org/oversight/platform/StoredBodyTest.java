package org.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** A stored document sent a piece at a time: every byte once, in order, never asking for more than a piece. */
class StoredBodyTest {

    private final byte[] document = new byte[3 * StoredBody.PIECE + 17];
    private final List<Integer> asked = new ArrayList<>();

    {
        new Random(7).nextBytes(document);
    }

    private StoredBody body(byte[] stored) {
        return new StoredBody("a paper", document.length, Arrays.copyOf(stored, Math.min(stored.length, StoredBody.PIECE)), (offset, n) -> {
            asked.add(n);
            return Arrays.copyOfRange(stored, (int) offset, (int) Math.min(stored.length, offset + n));
        });
    }

    @Test
    void aDocumentIsSentWholeInPiecesNoneLargerThanAPiece() throws Exception {
        try (InputStream in = body(document).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(document);
        }
        assertThat(asked).as("the pieces after the first, read with the length").hasSize(3).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(StoredBody.PIECE));
        assertThat(body(document).contentLength()).isEqualTo(document.length);
    }

    @Test
    void aRangeSkipsToItsFirstByteWithoutReadingThePiecesBefore() throws Exception {
        long from = 2L * StoredBody.PIECE + 5;
        try (InputStream in = body(document).getInputStream()) {
            assertThat(in.skip(from)).isEqualTo(from);
            assertThat(in.readNBytes(10)).isEqualTo(Arrays.copyOfRange(document, (int) from, (int) from + 10));
        }
        assertThat(asked).as("only the piece the range starts in").hasSize(1);
    }

    @Test
    void aStoredValueShorterThanItsLengthIsAnErrorNotATruncatedDocument() throws Exception {
        try (InputStream in = body(Arrays.copyOf(document, 2 * StoredBody.PIECE)).getInputStream()) {
            assertThatThrownBy(in::readAllBytes).hasMessageContaining("ended at byte " + 2 * StoredBody.PIECE);
        }
    }
}
