package io.backupsentinel.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlReaderTest {
    @TempDir
    Path dir;

    private List<String> errors(byte[] bytes, YamlLimits limits) throws IOException {
        Path file = Files.write(dir.resolve("f.yml"), bytes);
        return YamlReader.read(file, "f.yml", limits).problems().sorted().stream().map(YamlError::toString).toList();
    }

    private List<String> errors(String yaml) throws IOException {
        return errors(yaml.getBytes(StandardCharsets.UTF_8), YamlLimits.CONFIG);
    }

    @Test
    void a_byte_that_is_not_utf8_is_reported_at_its_line_and_column() throws IOException {
        byte[] latin1 = "a: 1\nb: 2\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(errors(latin1, YamlLimits.CONFIG))
                .containsExactly("f.yml:3:10: not UTF-8 (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void utf16_and_utf32_byte_order_marks_are_refused_and_a_utf8_one_is_read() throws IOException {
        assertThat(errors("\ufeffa: 1\n".getBytes(StandardCharsets.UTF_16LE), YamlLimits.CONFIG)).containsExactly(
                "f.yml:1:1: not UTF-8: the file starts with a UTF-16 byte order mark; save it as UTF-8");
        assertThat(errors("\ufeffa: 1\n".getBytes(StandardCharsets.UTF_16BE), YamlLimits.CONFIG)).hasSize(1);
        assertThat(errors("\ufeffa: 1\n".getBytes(java.nio.charset.Charset.forName("UTF-32LE")), YamlLimits.CONFIG))
                .singleElement().asString().contains("UTF-32 byte order mark");
        assertThat(errors("\ufeffa: 1\n".getBytes(StandardCharsets.UTF_8), YamlLimits.CONFIG)).isEmpty();
    }

    @Test
    void utf16_without_a_byte_order_mark_is_named_by_its_nul_bytes() throws IOException {
        assertThat(errors("a: 1\n".getBytes(StandardCharsets.UTF_16LE), YamlLimits.CONFIG))
                .containsExactly("f.yml:1:2: not UTF-8 (byte 0x00) — is it UTF-16?; save the file as UTF-8");
    }

    @Test
    void a_file_over_the_limit_is_refused_after_reading_only_the_limit() throws IOException {
        CountingStream huge = new CountingStream(20L * 1024 * 1024);
        YamlDocument doc = YamlReader.read(huge, "huge.yml", YamlLimits.CONFIG);
        assertThat(doc.parsed()).isFalse();
        assertThat(doc.problems().errors()).extracting(YamlError::toString).containsExactly(
                "huge.yml: the file is larger than 1 MB, the limit for this kind of file; it was not read");
        assertThat(huge.read).isLessThanOrEqualTo(2L * 1024 * 1024);
    }

    @Test
    void duplicate_keys_name_the_first_position() throws IOException {
        assertThat(errors("a: 1\nb: 2\na: 3\n")).containsExactly("f.yml:3:1: duplicate key 'a' (first at line 1, column 1)");
    }

    @Test
    void an_alias_cycle_is_refused_and_not_followed() throws IOException {
        Path file = Files.writeString(dir.resolve("f.yml"), "a: &x [1, *x]\n");
        YamlDocument doc = YamlReader.read(file, "f.yml", YamlLimits.CONFIG);
        assertThat(doc.parsed()).isFalse();
        assertThat(doc.problems().errors()).singleElement().asString().contains("contain itself");
    }

    @Test
    void an_alias_bomb_is_refused() throws IOException {
        StringBuilder yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 30; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        assertThat(errors(yaml.toString())).singleElement().asString().startsWith("f.yml: invalid YAML: too many aliases");
    }

    @Test
    void nesting_past_the_depth_limit_is_refused() throws IOException {
        String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        assertThat(errors(deep)).singleElement().asString().contains("nested too deeply");
    }

    @Test
    void a_directory_and_a_missing_file_are_whole_file_errors() {
        assertThat(YamlReader.read(dir, "d", YamlLimits.CONFIG).problems().errors()).extracting(YamlError::toString)
                .containsExactly("d: is a directory, not a file");
        assertThat(YamlReader.read(dir.resolve("no.yml"), "no.yml", YamlLimits.CONFIG).problems().errors())
                .extracting(YamlError::toString).singleElement().asString().startsWith("no.yml: no such file (looked for /");
    }

    @Test
    void long_values_are_clipped_when_echoed() {
        assertThat(Text.clip("x".repeat(1_000_000))).hasSize(Text.ECHO).endsWith("…");
        assertThat(Text.clip("short")).isEqualTo("short");
    }

    /** An endless-looking stream of 'a' that counts what was read from it. */
    private static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - read);
            java.util.Arrays.fill(b, off, off + n, (byte) 'a');
            read += n;
            return n;
        }
    }
}
