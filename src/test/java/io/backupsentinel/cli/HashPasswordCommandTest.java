package io.backupsentinel.cli;

import io.backupsentinel.web.auth.Secrets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code hash-password}: the password from standard input, a BCrypt hash on standard output. */
class HashPasswordCommandTest {
    private static CliRun withInput(String input, String... args) {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void a_piped_password_is_printed_as_a_bcrypt_hash_that_verifies() {
        CliRun r = withInput("correct horse battery staple\n", "hash-password", "--cost", "10");

        assertThat(r.exitCode()).isZero();
        String hash = r.out().strip();
        assertThat(hash).startsWith("$2b$10$").hasSize(60);
        assertThat(Secrets.isBcrypt(hash)).isTrue();
        assertThat(BCrypt.checkpw("correct horse battery staple", hash)).isTrue();
        assertThat(r.out() + r.err()).doesNotContain("correct horse");
    }

    @Test
    void an_empty_password_is_refused_with_exit_2() {
        CliRun r = withInput("", "hash-password");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no password given");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_password_longer_than_bcrypt_reads_is_refused() {
        CliRun r = withInput("x".repeat(73) + "\n", "hash-password");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("longer than 72 bytes");
    }

    @Test
    void a_cost_outside_10_to_16_is_refused() {
        CliRun r = withInput("pw\n", "hash-password", "--cost", "4");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--cost must be 10 to 16");
    }

    @Test
    void token_makes_a_random_token_and_its_sha256_hash() {
        CliRun r = CliRun.of("hash-password", "--token");

        assertThat(r.exitCode()).isZero();
        String token = r.out().lines().filter(l -> l.startsWith("token: ")).findFirst().orElseThrow().substring(7);
        String hash = r.out().lines().filter(l -> l.startsWith("hash:")).findFirst().orElseThrow().substring(5).strip();
        assertThat(token).hasSize(43);
        assertThat(hash).isEqualTo(Secrets.sha256(token));
    }
}
