package io.backupsentinel.web.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/** A verified secret is remembered so BCrypt runs once per secret, not once per request; failures never are. */
class CredentialsTest {
    private static final String PASSWORD = "correct horse";
    private static final String TOKEN = "tok-" + "x".repeat(30);
    private final AtomicInteger bcryptRuns = new AtomicInteger();
    private final BiPredicate<String, String> counting = (secret, hash) -> {
        bcryptRuns.incrementAndGet();
        return Secrets.passwordMatches(secret, hash);
    };

    private Credentials credentials() {
        AuthSettings settings = new AuthSettings(
                List.of(new AuthSettings.User("alice", AuthSettings.Role.ADMIN, Secrets.hashPassword(PASSWORD, 4))),
                List.of(new AuthSettings.ApiToken("ci", AuthSettings.Role.VIEWER, Secrets.hashPassword(TOKEN, 4)),
                        new AuthSettings.ApiToken("scraper", AuthSettings.Role.VIEWER, Secrets.sha256("plain-token"))),
                true, Duration.ofHours(1), AuthSettings.SecureCookies.AUTO, null);
        return new Credentials(settings, counting);
    }

    @Test
    void a_right_password_costs_bcrypt_once_and_a_wrong_one_every_time() {
        Credentials c = credentials();
        assertThat(c.user("alice", PASSWORD)).map(AuthSettings.User::name).hasValue("alice");
        assertThat(bcryptRuns).hasValue(1);
        for (int i = 0; i < 5; i++) {
            assertThat(c.user("alice", PASSWORD)).isPresent();
        }
        assertThat(bcryptRuns).hasValue(1);

        assertThat(c.user("alice", "wrong")).isEmpty();
        assertThat(c.user("alice", "wrong")).isEmpty();
        assertThat(c.user("mallory", PASSWORD)).isEmpty();
        assertThat(c.user(null, PASSWORD)).isEmpty();
        assertThat(bcryptRuns).hasValue(5);
        assertThat(c.rememberedCount()).isEqualTo(1);
    }

    @Test
    void a_bcrypt_hashed_token_is_remembered_a_sha256_one_needs_no_memory() {
        Credentials c = credentials();
        assertThat(c.token(TOKEN)).map(AuthSettings.ApiToken::name).hasValue("ci");
        int first = bcryptRuns.get();
        assertThat(c.token(TOKEN)).map(AuthSettings.ApiToken::name).hasValue("ci");
        assertThat(bcryptRuns).hasValue(first);

        assertThat(c.token("plain-token")).map(AuthSettings.ApiToken::name).hasValue("scraper");
        assertThat(c.token("nope")).isEmpty();
        assertThat(c.token("nope")).isEmpty();
        assertThat(bcryptRuns.get()).isGreaterThan(first + 1);
        assertThat(c.rememberedCount()).isEqualTo(1);
    }

    @Test
    void the_memory_is_bounded() {
        // A check that lets every token through fills the memory with distinct secrets.
        AuthSettings settings = new AuthSettings(List.of(), List.of(new AuthSettings.ApiToken("any",
                AuthSettings.Role.VIEWER, Secrets.hashPassword("unused", 4))), true, Duration.ofHours(1),
                AuthSettings.SecureCookies.AUTO, null);
        Credentials lenient = new Credentials(settings, (secret, hash) -> true);
        for (int i = 0; i < Credentials.REMEMBERED + 50; i++) {
            assertThat(lenient.token("token-" + i)).isPresent();
        }
        assertThat(lenient.rememberedCount()).isEqualTo(Credentials.REMEMBERED);
    }
}
