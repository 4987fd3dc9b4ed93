package io.backupsentinel.config;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.backupsentinel.web.auth.AuthSettings;
import io.backupsentinel.web.auth.AuthSettings.Role;
import io.backupsentinel.web.auth.Secrets;
import io.backupsentinel.yaml.YamlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** {@code web.auth}: users, tokens, a secrets file, and located errors for what must not be there. */
class AuthSectionTest {
    private static final String HASH = Secrets.hashPassword("correct horse", 4);
    private static final String TOKEN_HASH = Secrets.sha256("a-token");

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sentinel.yml"), yaml);
    }

    private List<String> errors(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SentinelConfig.load(file));
        assertThat(e).as("%s is refused", yaml).isNotNull();
        return e.errors().stream().map(YamlError::toString).map(s -> s.replace(dir.toString(), "D")).toList();
    }

    @Test
    void without_the_section_the_server_is_in_local_mode_with_public_metrics() throws IOException {
        AuthSettings a = SentinelConfig.load(write("web: {port: 9797}\n")).web().auth();

        assertThat(a).isEqualTo(AuthSettings.none());
        assertThat(a.local()).isTrue();
        assertThat(a.metricsPublic()).isTrue();
        assertThat(a.sessionTtl()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void users_tokens_and_settings_are_read_in_full() throws IOException {
        AuthSettings a = SentinelConfig.load(write("""
                web:
                  base_url: https://sentinel.example.com/
                  auth:
                    users:
                      - {name: alice, role: admin, password_hash: '%s'}
                      - {name: bob, role: Viewer, password_hash: '%s'}
                    tokens:
                      - {name: prometheus, role: viewer, hash: '%s'}
                    metrics_public: false
                    session_ttl: 8h
                    secure_cookies: always
                    anonymous: viewer
                """.formatted(HASH, HASH, TOKEN_HASH))).web().auth();

        assertThat(a.users()).extracting(AuthSettings.User::name, AuthSettings.User::role)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alice", Role.ADMIN),
                        org.assertj.core.groups.Tuple.tuple("bob", Role.VIEWER));
        assertThat(a.tokens()).singleElement().satisfies(t -> assertThat(t.hash()).isEqualTo(TOKEN_HASH));
        assertThat(a.metricsPublic()).isFalse();
        assertThat(a.sessionTtl()).isEqualTo(Duration.ofHours(8));
        assertThat(a.secureCookies()).isEqualTo(AuthSettings.SecureCookies.ALWAYS);
        assertThat(a.anonymous()).isEqualTo(Role.VIEWER);
    }

    @Test
    void a_plaintext_password_is_refused_where_it_is_written_with_the_command_that_hashes_it() throws IOException {
        List<String> errors = errors("""
                web:
                  auth:
                    users:
                      - name: alice
                        role: admin
                        password: hunter2
                """);

        assertThat(errors).containsExactly("D/sentinel.yml:6:19: web.auth.users[0].password: plaintext passwords are"
                + " not accepted; make a hash with: backup-sentinel hash-password, then write it as password_hash");
    }

    @Test
    void a_plaintext_token_is_refused_where_it_is_written() throws IOException {
        assertThat(errors("web: {auth: {tokens: [{name: ci, role: admin, token: abc}]}}\n"))
                .singleElement().asString().startsWith("D/sentinel.yml:1:54: web.auth.tokens[0].token: plaintext tokens");
    }

    @Test
    void an_unknown_role_is_located_with_a_suggestion() throws IOException {
        assertThat(errors("web: {auth: {users: [{name: alice, role: adimn, password_hash: '" + HASH + "'}]}}\n"))
                .containsExactly("D/sentinel.yml:1:42: web.auth.users[0].role: unknown role 'adimn'; did you mean"
                        + " 'admin'? (roles: viewer, admin)");
    }

    @Test
    void a_hash_that_is_not_bcrypt_is_located_and_says_how_to_make_one() throws IOException {
        assertThat(errors("web:\n  auth:\n    users:\n      - {name: alice, role: admin, password_hash: 'md5:abc'}\n"))
                .singleElement().asString().startsWith("D/sentinel.yml:4:51: web.auth.users[0].password_hash: is not a"
                        + " BCrypt hash").contains("backup-sentinel hash-password");
        assertThat(errors("web: {auth: {tokens: [{name: ci, role: admin, hash: 'sha256:xyz'}]}}\n"))
                .singleElement().asString().contains("web.auth.tokens[0].hash: is not a token hash")
                .contains("hash-password --token");
    }

    @Test
    void an_unknown_key_gets_a_did_you_mean() throws IOException {
        assertThat(errors("web: {auth: {metrics_publik: false}}\n")).singleElement().asString()
                .contains("web.auth.metrics_publik: unknown key; did you mean 'metrics_public'?");
    }

    @Test
    void a_missing_role_or_hash_is_required() throws IOException {
        assertThat(errors("web: {auth: {users: [{name: alice}]}}\n")).containsExactly(
                "D/sentinel.yml:1:22: web.auth.users[0].role: is required",
                "D/sentinel.yml:1:22: web.auth.users[0].password_hash: is required");
    }

    @Test
    void a_users_file_of_name_role_hash_lines_adds_users() throws IOException {
        Path users = Files.writeString(dir.resolve("users"), "# who may log in\nalice:admin:" + HASH + "\n\nbob:viewer:"
                + HASH + "\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
        AuthSettings a = SentinelConfig.load(write("web: {auth: {users_file: users}}\n")).web().auth();

        assertThat(a.users()).extracting(AuthSettings.User::name).containsExactly("alice", "bob");
    }

    @Test
    void errors_in_a_users_file_name_its_own_line_and_column() throws IOException {
        Files.writeString(dir.resolve("users"), "alice:admin:" + HASH + "\nbob:owner:" + HASH + "\ncarol:viewer:hunter2\n"
                + "dave\n");
        List<String> errors = errors("web: {auth: {users_file: users}}\n");

        assertThat(errors).containsExactly(
                "D/users:2:5: unknown role 'owner' (roles: viewer, admin)",
                "D/users:3:14: user carol: is not a BCrypt hash ($2a$, $2b$ or $2y$, cost, then 53 characters);"
                        + " make one with: backup-sentinel hash-password",
                "D/users:4:1: a line is name:role:hash (the hash from backup-sentinel hash-password)");
    }

    @Test
    void a_yaml_users_file_holds_users_and_tokens_and_its_errors_are_located_in_it() throws IOException {
        Files.writeString(dir.resolve("secrets.yml"), """
                users:
                  - {name: alice, role: admin, password_hash: '%s'}
                tokens:
                  - {name: ci, role: admin, token: plain}
                """.formatted(HASH));

        assertThat(errors("web: {auth: {users_file: secrets.yml}}\n")).singleElement().asString()
                .startsWith("D/secrets.yml:4:36: tokens[0].token: plaintext tokens are not accepted");
    }

    @Test
    void a_missing_users_file_is_located_at_its_key() throws IOException {
        assertThat(errors("web:\n  auth:\n    users_file: nowhere.yml\n")).singleElement().asString()
                .startsWith("D/sentinel.yml:3:17: web.auth.users_file: no users file at D/nowhere.yml");
    }

    @Test
    void a_users_file_that_others_can_read_is_loaded_with_a_warning() throws IOException {
        Path users = Files.writeString(dir.resolve("users"), "alice:admin:" + HASH + "\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
        Logger logger = (Logger) LoggerFactory.getLogger(UsersFile.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            AuthSettings a = SentinelConfig.load(write("web: {auth: {users_file: users}}\n")).web().auth();

            assertThat(a.users()).hasSize(1);
            assertThat(logs.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .contains("can be read by every user", "chmod 600").doesNotContain(HASH));
        } finally {
            logger.detachAppender(logs);
        }
    }
}
