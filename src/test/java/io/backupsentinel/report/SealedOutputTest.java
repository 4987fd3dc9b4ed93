package io.backupsentinel.report;

import io.backupsentinel.report.period.Citation;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** A report written in many small and large pieces, across the digesting thread's chunks, seals and verifies. */
class SealedOutputTest {
    private static final Citation HEAD = new Citation(7, "cd".repeat(32));

    @Test
    void lines_and_parts_across_chunk_boundaries_seal_exactly_and_an_altered_line_is_named() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        SealedOutput out = new SealedOutput(file);
        Random random = new Random(3);
        out.write("{\n".getBytes(StandardCharsets.UTF_8));
        int[] lineOf = new int[3];
        for (int part = 0; part < 3; part++) {
            out.beginPart("part" + part);
            for (int line = 0; line < 4_000; line++) {
                byte[] text = ("\"row " + line + " " + "x".repeat(random.nextInt(300)) + "\",\n").getBytes(StandardCharsets.UTF_8);
                switch (line % 3) {
                    case 0 -> out.write(text);
                    case 1 -> {
                        for (byte b : text) {
                            out.write(b);
                        }
                    }
                    default -> {
                        out.write(text, 0, text.length / 2);
                        out.write(text, text.length / 2, text.length - text.length / 2);
                    }
                }
            }
            out.endPart();
        }
        String sha = out.seal(SealKind.JSON, HEAD, Instant.EPOCH);
        byte[] sealed = file.toByteArray();
        assertThat(sealed.length).isGreaterThan(3 * (1 << 16));
        SealCheck check = ReportSeal.verify(sealed);
        assertThat(check.ok()).as(check.problems().toString()).isTrue();
        assertThat(check.sha256()).isEqualTo(sha).isEqualTo(Digests.sha256(sealed, 0, (int) out.size()));

        String text = new String(sealed, StandardCharsets.UTF_8);
        int at = text.indexOf("\"row 2500 ", text.indexOf("\"row 0 ", text.indexOf("\"row 0 ") + 1));
        sealed[at + 3] ^= 0x01;
        assertThat(ReportSeal.verify(sealed).problems()).singleElement().asString().contains("part1");
    }
}
