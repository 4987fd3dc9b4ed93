package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;

import java.util.Optional;

/**
 * Finds the table a request names. DynamoDB's TableName members accept a table name or, since resource
 * based policies, the table's ARN; an ARN of another account or region names no table here.
 */
final class Tables {
    private Tables() {
    }

    static Optional<Table> find(RequestContext ctx, String nameOrArn) {
        Region region = ctx.region();
        if (nameOrArn.startsWith("arn:")) {
            String prefix = region.tableArn("");
            if (!nameOrArn.startsWith(prefix)) {
                return Optional.empty();
            }
            String name = nameOrArn.substring(prefix.length());
            return Optional.ofNullable(region.tables().get(name));
        }
        return Optional.ofNullable(region.tables().get(nameOrArn));
    }

    /** The table's name as an error message names it: the name itself, or the name inside an ARN. */
    static String displayName(String nameOrArn) {
        int slash = nameOrArn.indexOf(":table/");
        return nameOrArn.startsWith("arn:") && slash > 0 ? nameOrArn.substring(slash + 7) : nameOrArn;
    }
}
