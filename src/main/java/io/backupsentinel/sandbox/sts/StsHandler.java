package io.backupsentinel.sandbox.sts;

import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.QueryParams;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.ServiceHandler;
import io.backupsentinel.sandbox.state.World;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS (awsQuery: form-encoded {@code Action=…&Version=2011-06-15}, XML answers): GetCallerIdentity and
 * AssumeRole. AssumeRole's access key is registered in the world, so calls signed with it act in the
 * role's account, which is how a collector reaches other accounts.
 */
public final class StsHandler implements ServiceHandler {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws:iam::(\\d{12}):role/(?:[\\w+=,.@/-]*/)?([\\w+=,.@-]+)");
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    /** A role's MaxSessionDuration unless the role raises it: one hour. */
    private static final int MAX_SESSION_SECONDS = 3600;
    private final World world;
    private final RoleTrust trust;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public StsHandler(World world) {
        this(world, RoleTrust.declaredRoles(world));
    }

    public StsHandler(World world, RoleTrust trust) {
        this.world = world;
        this.trust = trust;
    }

    @Override
    public String signingName() {
        return "sts";
    }

    @Override
    public Protocol protocol() {
        return Protocol.AWS_QUERY;
    }

    @Override
    public String operation(SandboxRequest request) {
        return QueryParams.action(params(request), Set.of("GetCallerIdentity", "AssumeRole"), "2011-06-15");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, RequestContext ctx) {
        if (ctx.account() == null) {
            throw new AwsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        Map<String, List<String>> params = params(request);
        String result = ctx.operation().equals("AssumeRole") ? assumeRole(params, request.accessKeyId(), ctx)
                : callerIdentity(request.accessKeyId(), ctx);
        return SandboxResponse.ok(protocol().contentType(), QueryXml.response(ctx.operation(), result, ctx.requestId()));
    }

    private String callerIdentity(String accessKeyId, RequestContext ctx) {
        QueryXml x = new QueryXml();
        Session s = accessKeyId == null ? null : sessions.get(accessKeyId);
        if (s != null) {
            x.element("Arn", s.assumedRoleArn()).element("UserId", s.assumedRoleId());
        } else {
            x.element("Arn", userArn(ctx.account())).element("UserId", Credentials.stableId("AIDA", userArn(ctx.account())));
        }
        return x.element("Account", ctx.account()).toString();
    }

    private String assumeRole(Map<String, List<String>> params, String callerKey, RequestContext ctx) {
        String roleArn = required(params, "RoleArn");
        String sessionName = required(params, "RoleSessionName");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw validation("1 validation error detected: Value '" + sessionName + "' at 'roleSessionName' failed to "
                    + "satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]* and have length "
                    + "between 2 and 64");
        }
        String externalId = first(params, "ExternalId");
        int duration = durationSeconds(first(params, "DurationSeconds"));
        if (duration < 900) {
            throw validation("1 validation error detected: Value '" + duration + "' at 'durationSeconds' failed to "
                    + "satisfy constraint: Member must have value greater than or equal to 900");
        }
        if (duration > MAX_SESSION_SECONDS) {
            throw validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        Matcher m = ROLE_ARN.matcher(roleArn);
        Session caller = callerKey == null ? null : sessions.get(callerKey);
        String callerArn = caller != null ? caller.assumedRoleArn() : userArn(ctx.account());
        if (!m.matches()) {
            throw validation(roleArn + " is invalid");
        }
        if (!trust.mayAssume(ctx.account(), roleArn, externalId)) {
            throw new AwsError(403, "AccessDenied", "User: " + callerArn + " is not authorized to perform: "
                    + "sts:AssumeRole on resource: " + roleArn);
        }
        Session s = new Session(Credentials.accessKeyId(), Credentials.secret(), Credentials.sessionToken(),
                ctx.now().plusSeconds(duration).truncatedTo(ChronoUnit.SECONDS), m.group(1), m.group(2),
                Credentials.stableId("AROA", "arn:aws:iam::" + m.group(1) + ":role/" + m.group(2)), sessionName);
        sessions.put(s.accessKeyId(), s);
        world.accessKeys().put(s.accessKeyId(), s.account());
        return new QueryXml()
                .open("Credentials")
                .element("AccessKeyId", s.accessKeyId())
                .element("SecretAccessKey", s.secretAccessKey())
                .element("SessionToken", s.sessionToken())
                .element("Expiration", DateTimeFormatter.ISO_INSTANT.format(s.expiration()))
                .close("Credentials")
                .open("AssumedRoleUser")
                .element("AssumedRoleId", s.assumedRoleId())
                .element("Arn", s.assumedRoleArn())
                .close("AssumedRoleUser")
                .toString();
    }

    /** The identity behind a long-term key of the account, as GetCallerIdentity names it. */
    static String userArn(String account) {
        return "arn:aws:iam::" + account + ":user/sandbox";
    }

    private static int durationSeconds(String raw) {
        if (raw == null) {
            return 3600;
        }
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw validation("1 validation error detected: Value '" + raw + "' at 'durationSeconds' failed to satisfy "
                    + "constraint: Member must be an integer");
        }
    }

    private static Map<String, List<String>> params(SandboxRequest request) {
        return QueryParams.of(request, request.bodyText());
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String required(Map<String, List<String>> params, String name) {
        String v = first(params, name);
        if (v == null) {
            String member = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            throw validation("1 validation error detected: Value null at '" + member + "' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        return v;
    }

    private static AwsError validation(String message) {
        return new AwsError(400, "ValidationError", message);
    }
}
