package io.backupsentinel.web.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** BCrypt through Spring Security's class alone (no Spring core on the class path), and token hashes. */
class SecretsTest {
    @ParameterizedTest(name = "a {0} hash from another tool verifies")
    @ValueSource(strings = {"$2a$", "$2b$", "$2y$"})
    void hashes_of_every_bcrypt_prefix_verify(String prefix) {
        // htpasswd -B writes $2y$, Python's bcrypt $2b$, older tools $2a$: the same algorithm.
        String hash = prefix + Secrets.hashPassword("s3cret", 4).substring(4);

        assertThat(Secrets.isBcrypt(hash)).isTrue();
        assertThat(Secrets.passwordMatches("s3cret", hash)).isTrue();
        assertThat(Secrets.passwordMatches("s3creT", hash)).isFalse();
    }

    @Test
    void spring_core_is_not_needed_on_the_class_path() {
        assertThat(SecretsTest.class.getClassLoader().getResource("org/springframework/core/SpringVersion.class"))
                .isNull();
        assertThat(Secrets.passwordMatches("x", Secrets.hashPassword("x", 4))).isTrue();
    }

    @Test
    void a_password_longer_than_72_bytes_never_matches_a_hash_of_its_prefix() {
        String prefix = "p".repeat(72);
        String hash = Secrets.hashPassword(prefix, 4);

        assertThat(Secrets.passwordMatches(prefix + "extra", hash)).isFalse();
        assertThatThrownBy(() -> Secrets.hashPassword(prefix + "x", 4)).hasMessageContaining("at most 72 bytes");
    }

    @Test
    void a_malformed_hash_is_a_mismatch_not_an_exception() {
        assertThat(Secrets.passwordMatches("x", "$2b$04$short")).isFalse();
    }

    @Test
    void tokens_match_their_sha256_or_bcrypt_hash_only() {
        assertThat(Secrets.tokenMatches("tok", Secrets.sha256("tok"))).isTrue();
        assertThat(Secrets.tokenMatches("tok2", Secrets.sha256("tok"))).isFalse();
        assertThat(Secrets.tokenMatches("tok", Secrets.hashPassword("tok", 4))).isTrue();
        assertThat(Secrets.sha256("abc")).isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
