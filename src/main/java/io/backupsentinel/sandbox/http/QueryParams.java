package io.backupsentinel.sandbox.http;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of an awsQuery request (STS, CloudWatch): the form-encoded body, then the URL's query for any
 * name the body does not give; and the {@code Action} among them, refused as AWS refuses an unknown one.
 */
public final class QueryParams {
    private QueryParams() {
    }

    /** The parameters of a request whose body text is {@code body} (already inflated, if it was sent compressed). */
    public static Map<String, List<String>> of(SandboxRequest request, String body) {
        Map<String, List<String>> p = SandboxServer.query(body);
        request.query().forEach(p::putIfAbsent);
        return p;
    }

    /** The {@code Action} parameter if it is one of {@code known}; else AWS's 400 InvalidAction for {@code version}. */
    public static String action(Map<String, List<String>> params, Set<String> known, String version) {
        String action = params.getOrDefault("Action", List.of("")).get(0);
        if (!known.contains(action)) {
            throw new AwsError(400, "InvalidAction", "Could not find operation " + action + " for version " + version);
        }
        return action;
    }
}
