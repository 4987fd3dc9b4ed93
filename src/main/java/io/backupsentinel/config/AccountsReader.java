package io.backupsentinel.config;

import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** {@code aws.accounts}: {@code self} and/or {@code {role_arn, external_id?, session_name?}} entries. */
final class AccountsReader {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

    private AccountsReader() {
    }

    static List<AwsSettings.Account> read(YNode node) {
        List<AwsSettings.Account> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (YNode item : node.list()) {
            AwsSettings.Account account = item.isMap() ? role(item.map()) : self(item);
            if (account == null) {
                continue;
            }
            if (out.contains(account)) {
                item.error(account.self() ? "'self' is listed twice" : "role " + account.roleArn() + " is listed twice");
            } else {
                out.add(account);
            }
        }
        return out;
    }

    private static AwsSettings.Account self(YNode item) {
        if (item.isList()) {
            item.error("write 'self' or {role_arn: arn:aws:iam::ACCOUNT:role/NAME}, not a list");
            return null;
        }
        String s = item.text();
        if (s == null) {
            return null;
        }
        if (!"self".equals(s)) {
            item.error("'" + Text.clip(s) + "' is not allowed; write 'self' or {role_arn: arn:aws:iam::ACCOUNT:role/NAME}");
            return null;
        }
        return AwsSettings.Account.SELF;
    }

    private static AwsSettings.Account role(YMap m) {
        YNode arnNode = m.get("role_arn");
        String arn = null;
        if (arnNode == null) {
            m.missing("role_arn");
        } else {
            arn = arnNode.text();
            if (arn != null && !ROLE_ARN.matcher(arn).matches()) {
                arnNode.error("'" + Text.clip(arn) + "' is not a role ARN like arn:aws:iam::123456789012:role/NAME");
                arn = null;
            }
        }
        YNode externalNode = m.get("external_id");
        String externalId = externalNode == null ? null : externalNode.text();
        YNode sessionNode = m.get("session_name");
        String sessionName = sessionNode == null ? null : AwsSection.sessionName(sessionNode, null);
        m.finish();
        return arn == null ? null : new AwsSettings.Account(arn, externalId, sessionName);
    }
}
