package io.backupsentinel.config;

import io.backupsentinel.web.auth.AuthSettings.ApiToken;
import io.backupsentinel.web.auth.AuthSettings.Role;
import io.backupsentinel.web.auth.AuthSettings.User;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.yaml.YamlDocument;
import io.backupsentinel.yaml.YamlError;
import io.backupsentinel.yaml.YamlLimits;
import io.backupsentinel.yaml.YamlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code web.auth.users_file}: users and tokens kept apart from the config file (so the config can be shared and
 * the secrets file locked down). A {@code .yml}/{@code .yaml} file holds {@code users:} and {@code tokens:} lists
 * as in the config; any other file holds one user per line as {@code name:role:bcrypt-hash} ({@code #} starts a
 * comment). Errors name the secrets file's own line and column. A file that group or others may read is logged
 * as a warning, not refused, so a container's mounted secret still works.
 */
final class UsersFile {
    private static final Logger LOG = LoggerFactory.getLogger(UsersFile.class);

    private UsersFile() {
    }

    static void read(Path file, YNode at, List<User> users, List<ApiToken> tokens) {
        if (!Files.isRegularFile(file)) {
            at.error("no users file at " + file + " (relative paths are resolved against the config file's directory)");
            return;
        }
        warnIfReadableByOthers(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            yaml(file, at, users, tokens);
        } else {
            lines(file, at, users);
        }
    }

    private static void yaml(Path file, YNode at, List<User> users, List<ApiToken> tokens) {
        YamlDocument doc = YamlReader.read(file, file.toString(), YamlLimits.CONFIG);
        if (doc.parsed()) {
            YMap m = doc.rootYNode().orElseThrow().map();
            for (YNode u : m.list("users")) {
                User user = AuthSection.user(u);
                if (user != null) {
                    users.add(user);
                }
            }
            for (YNode t : m.list("tokens")) {
                ApiToken token = AuthSection.token(t);
                if (token != null) {
                    tokens.add(token);
                }
            }
            m.finish();
        }
        doc.problems().sorted().forEach(at.problems()::add);
    }

    private static void lines(Path file, YNode at, List<User> users) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            at.error("cannot read the users file " + file + ": " + e.getMessage());
            return;
        }
        String shown = file.toString();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split(":", 3);
            int lineNo = i + 1;
            if (parts.length < 3) {
                at.problems().add(new YamlError(shown, lineNo, 1, "", "a line is name:role:hash (the hash from"
                        + " backup-sentinel hash-password)"));
                continue;
            }
            Role role = AuthSection.role(parts[1]);
            int roleColumn = parts[0].length() + 2;
            if (role == null) {
                at.problems().add(new YamlError(shown, lineNo, roleColumn, "", AuthSection.unknownRole(parts[1])));
                continue;
            }
            try {
                users.add(new User(parts[0], role, parts[2]));
            } catch (IllegalArgumentException e) {
                boolean nameBad = e.getMessage().startsWith("a name");
                at.problems().add(new YamlError(shown, lineNo, nameBad ? 1 : roleColumn + parts[1].length() + 1, "",
                        "user " + parts[0] + ": " + e.getMessage()));
            }
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("the users file {} can be read by {}; it holds password hashes: chmod 600 it", file,
                        p.contains(PosixFilePermission.OTHERS_READ) ? "every user" : "its group");
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): its ACLs are the administrator's to check.
        }
    }
}
