package io.backupsentinel.report;

import io.backupsentinel.report.period.Citation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSealTest {
    private static final Citation HEAD = new Citation(42, "ab".repeat(32));
    private static final Instant AS_OF = Instant.parse("2026-10-01T20:00:00Z");
    private static final byte[] PDF = ("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n\u0000\u0001binary\nendstream\n"
            + "trailer\n<< /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void a_sealed_pdf_verifies_and_cites_its_chain_head() {
        byte[] sealed = ReportSeal.seal(PDF, SealKind.PDF, HEAD, AS_OF, List.of());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).startsWith("%PDF-").contains("%%EOF\n% backup-sentinel-seal {");
        SealCheck check = ReportSeal.verify(sealed);
        assertThat(check.ok()).isTrue();
        assertThat(check.format()).isEqualTo("pdf");
        assertThat(check.head()).isEqualTo(HEAD);
        assertThat(check.asOf()).isEqualTo(AS_OF);
        assertThat(check.sha256()).isEqualTo(Digests.sha256(PDF, 0, PDF.length));
    }

    @Test
    void a_pdf_with_named_sections_names_the_one_altered() {
        String text = new String(PDF, StandardCharsets.ISO_8859_1);
        int stream = text.indexOf("stream\n");
        int end = text.indexOf("endstream");
        byte[] sealed = ReportSeal.seal(PDF, SealKind.PDF, HEAD, AS_OF, List.of(
                new ReportSeal.Section("header", 0, stream), new ReportSeal.Section("page 1", stream, end - stream)));
        sealed[stream + 9] ^= 0x20;
        SealCheck check = ReportSeal.verify(sealed);
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("section page 1 was altered");
    }

    @Test
    void a_body_not_ending_in_a_line_break_gets_one_before_the_seal() {
        byte[] body = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        assertThat(ReportSeal.verify(ReportSeal.seal(body, SealKind.PDF, HEAD, AS_OF, List.of())).ok()).isTrue();
    }

    @Test
    void an_edit_of_the_seal_itself_is_caught_even_where_the_body_still_matches() {
        String sealed = new String(ReportSeal.seal(PDF, SealKind.PDF, HEAD, AS_OF, List.of()), StandardCharsets.ISO_8859_1);
        byte[] forged = sealed.replace("\"seq\":42", "\"seq\":43").getBytes(StandardCharsets.ISO_8859_1);
        SealCheck check = ReportSeal.verify(forged);
        assertThat(check.ok()).isFalse();
        assertThat(check.sealed()).as("a seal is there, altered").isTrue();
        assertThat(check.problems()).singleElement().asString().contains("the seal was altered");
    }

    @Test
    void a_file_cut_before_its_seal_has_no_seal() {
        byte[] sealed = ReportSeal.seal(PDF, SealKind.PDF, HEAD, AS_OF, List.of());
        byte[] cut = java.util.Arrays.copyOf(sealed, PDF.length - 10);
        SealCheck check = ReportSeal.verify(cut);
        assertThat(check.ok()).isFalse();
        assertThat(check.sealed()).isFalse();
        assertThat(check.problems()).singleElement().asString().startsWith("no integrity seal found at the end of this pdf file");
    }

    @Test
    void a_file_cut_inside_its_seal_is_altered() {
        byte[] sealed = ReportSeal.seal(PDF, SealKind.PDF, HEAD, AS_OF, List.of());
        SealCheck check = ReportSeal.verify(java.util.Arrays.copyOf(sealed, sealed.length - 10));
        assertThat(check.ok()).isFalse();
        assertThat(check.sealed()).isTrue();
        assertThat(check.problems()).singleElement().asString().startsWith("the seal at the end is cut short");
    }

    @Test
    void a_report_whose_first_bytes_changed_is_altered_not_another_format() {
        byte[] json = ReportSeal.seal("{\n\"a\":1\n".getBytes(StandardCharsets.US_ASCII), SealKind.JSON, HEAD, AS_OF, List.of());
        byte[] pdf = ReportSeal.seal(PDF, SealKind.PDF, HEAD, AS_OF, List.of());
        byte[] bom = concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, json);
        byte[] brace = json.clone();
        brace[0] = '[';
        byte[] newline = concat(new byte[] {'\n'}, pdf);
        for (byte[] altered : List.of(bom, brace, newline)) {
            SealCheck check = ReportSeal.verify(altered);
            assertThat(check.ok()).isFalse();
            assertThat(check.sealed()).isTrue();
            assertThat(check.format()).isEqualTo(altered == newline ? "pdf" : "json");
            assertThat(check.problems()).isNotEmpty().noneMatch(p -> p.contains("no integrity seal"));
        }
    }

    @Test
    void bytes_added_after_the_seal_or_line_breaks_changed_are_alterations() {
        byte[] csv = ReportSeal.seal("section,field,value\r\ncover,title,T\r\n".getBytes(StandardCharsets.US_ASCII),
                SealKind.CSV, HEAD, AS_OF, List.of());
        SealCheck trailing = ReportSeal.verify(concat(csv, new byte[] {'\n'}));
        assertThat(trailing.sealed()).isTrue();
        assertThat(trailing.ok()).isFalse();
        assertThat(trailing.problems()).containsExactly("1 byte(s) were added after the seal");
        byte[] lf = new String(csv, StandardCharsets.US_ASCII).replace("\r\n", "\n").getBytes(StandardCharsets.US_ASCII);
        SealCheck unix = ReportSeal.verify(lf);
        assertThat(unix.sealed()).isTrue();
        assertThat(unix.ok()).isFalse();
        assertThat(unix.problems()).singleElement().asString().contains("line breaks changed");
    }

    @Test
    void an_inserted_byte_names_its_own_section_not_every_one_after_it() {
        String body = "{\n\"a\":[\n1\n],\n\"b\":[\n2,\n3\n],\n\"c\":[\n4\n]\n";
        int b = body.indexOf("\"b\"");
        int c = body.indexOf("\"c\"");
        byte[] sealed = ReportSeal.seal(body.getBytes(StandardCharsets.US_ASCII), SealKind.JSON, HEAD, AS_OF, List.of(
                new ReportSeal.Section("a", 2, b - 2), new ReportSeal.Section("b", b, c - b),
                new ReportSeal.Section("c", c, body.length() - c)));
        String text = new String(sealed, StandardCharsets.US_ASCII);
        int three = text.indexOf("3\n]");
        byte[] inserted = (text.substring(0, three) + "3" + text.substring(three)).getBytes(StandardCharsets.US_ASCII);
        SealCheck check = ReportSeal.verify(inserted);
        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).hasSize(2);
        assertThat(check.problems().get(0)).contains("bytes were added or removed");
        assertThat(check.problems().get(1)).startsWith("section b was altered at line 7 of the file (line 3 of the section)");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void a_file_without_a_seal_is_named_by_its_format_only_when_it_opens_as_a_report_does() {
        byte[] csv = ReportSeal.seal("section,field,value\r\ncover,title,T\r\n".getBytes(StandardCharsets.US_ASCII),
                SealKind.CSV, HEAD, AS_OF, List.of());
        assertThat(ReportSeal.verify(java.util.Arrays.copyOf(csv, 30)).problems()).singleElement().asString()
                .startsWith("no integrity seal found at the end of this csv file");
        // CSV is only the fallback of the detection: other text is not called a CSV report.
        for (String text : List.of("section,rule\nrules,rpo\n", "<html>Bad Request</html>", "", "{\"error\":\"no\"}")) {
            SealCheck check = ReportSeal.verify(text.getBytes(StandardCharsets.UTF_8));
            assertThat(check.sealed()).isFalse();
            assertThat(check.problems()).singleElement().asString()
                    .startsWith(text.startsWith("{") ? "no integrity seal found at the end of this json file"
                            : "no integrity seal found at the end of this file (");
        }
    }
}
