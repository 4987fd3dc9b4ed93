package io.backupsentinel.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus of malformed requests for the sandbox, built from templates: every DynamoDB operation with
 * bodies of the wrong syntax, types, ranges and sizes; tagging likewise; AWS Backup paths with bad escapes,
 * bad query parameters and wrong methods; STS forms with bad escapes and values; control calls with bad
 * input; and SigV4 headers that name nothing usable. Each case says which protocol's error shape it must
 * be answered in.
 */
final class MalformedRequests {
    /** The error shape a case must be answered in. */
    enum Shape { AWS_JSON_1_0, AWS_JSON_1_1, REST_JSON_1, AWS_QUERY, CONTROL }

    record Case(String name, Shape shape, String method, String target, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<String> DYNAMODB_OPERATIONS = List.of("ListTables", "DescribeTable", "CreateTable",
            "DeleteTable", "DescribeContinuousBackups", "UpdateContinuousBackups", "CreateBackup", "DescribeBackup",
            "DeleteBackup", "ListBackups", "RestoreTableToPointInTime", "RestoreTableFromBackup", "ListExports",
            "DescribeExport", "ListTagsOfResource", "TagResource", "UntagResource");

    /** Bodies that are not JSON objects, or whose members have the wrong type, range or size. */
    static final List<String> BAD_JSON = List.of("{", "[]", "\"x\"", "null", "42", "{\"a\":}", "{\"TableName\":5}",
            "{\"TableName\":{\"a\":1}}", "{\"TableName\":[\"orders\"]}", "{\"TableName\":\"" + "x".repeat(300) + "\"}",
            "{\"TableName\":\"\"}", "{\"Limit\":\"x\"}", "{\"Limit\":1e400}", "{\"Limit\":99999999999999999999}",
            "{\"Limit\":-5}", "{\"MaxResults\":2147483648}", "{\"ExclusiveStartTableName\":[]}",
            "{\"ExclusiveStartBackupArn\":\"%%zz\"}", "{\"NextToken\":\"!!!not-a-token\"}",
            "{\"TimeRangeLowerBound\":\"abc\"}", "{\"TimeRangeUpperBound\":1e300}",
            "{\"TimeRangeLowerBound\":-99999999999999999999}", "{\"RestoreDateTime\":\"yesterday\"}",
            "{\"RestoreDateTime\":1e19}", "{\"BackupType\":\"NOPE\"}", "{\"ResourceArn\":7}",
            "{\"Tags\":\"x\"}", "{\"Tags\":[{\"Key\":1}]}", "{\"TagKeys\":{\"a\":1}}",
            "{\"PointInTimeRecoverySpecification\":\"on\"}",
            "{\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":\"yes\",\"RecoveryPeriodInDays\":1e10}}",
            "{\"TableName\":\"no-such-table\",\"KeySchema\":\"pk\"}", "{\"TableName\":\"no-such-table\",\"AttributeDefinitions\":[1,2]}",
            "{\"SourceTableName\":null,\"TargetTableName\":\"\\u0000\"}", "[".repeat(5000), "{\"a\":" + "[".repeat(2000));

    /**
     * Whether the path holds an escape that Jetty refuses while parsing the request line (a bad or truncated
     * escape, NUL, invalid UTF-8), before any header is read: then no header can say which protocol the
     * client speaks, and the answer is the JSON error every JSON protocol reads.
     */
    static boolean unreadableRequestLine(String target) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return path.matches(".*%(?![0-9A-Fa-f]{2}).*") || path.contains("%00") || path.contains("%E0%A4%A")
                || path.contains("%FF");
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        dynamo(out);
        tagging(out);
        backup(out);
        sts(out);
        control(out);
        signatures(out);
        return out;
    }

    static String auth(String service) {
        return "AWS4-HMAC-SHA256 Credential=AKIASANDBOXDEFAULT00/20250601/us-east-1/" + service
                + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";
    }

    private static void dynamo(List<Case> out) {
        for (String op : DYNAMODB_OPERATIONS) {
            for (String body : BAD_JSON) {
                out.add(json("dynamodb " + op + " " + cut(body), Shape.AWS_JSON_1_0, "dynamodb",
                        "DynamoDB_20120810." + op, "application/x-amz-json-1.0", body.getBytes(StandardCharsets.UTF_8)));
            }
            out.add(json("dynamodb " + op + " invalid UTF-8", Shape.AWS_JSON_1_0, "dynamodb", "DynamoDB_20120810." + op,
                    "application/x-amz-json-1.0", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}));
        }
        for (String target : List.of("DynamoDB_20120810.Nope", "DynamoDB_20120810.", "DynamoDB_20120810",
                "DynamoDB_19990101.ListTables", "DynamoDB_20120810.ListTables.Extra", "%zz", "DynamoDB_20120810.PutItem")) {
            out.add(json("dynamodb target " + target, Shape.AWS_JSON_1_0, "dynamodb", target,
                    "application/x-amz-json-1.0", "{}".getBytes(StandardCharsets.UTF_8)));
        }
        out.add(new Case("dynamodb no target", Shape.AWS_JSON_1_0, "POST", "/", Map.of("Authorization", auth("dynamodb")),
                "{}".getBytes(StandardCharsets.UTF_8)));
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Authorization", auth("dynamodb"));
            h.put("X-Amz-Target", "DynamoDB_20120810.ListTables");
            out.add(new Case("dynamodb method " + method, Shape.AWS_JSON_1_0, method, "/", h, new byte[0]));
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", auth("dynamodb"));
        h.put("X-Amz-Target", "DynamoDB_20120810.ListTables");
        out.add(new Case("dynamodb path escape", Shape.AWS_JSON_1_0, "POST", "/%zz?a=%", h, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    private static void tagging(List<Case> out) {
        List<String> bodies = new ArrayList<>(BAD_JSON);
        bodies.addAll(List.of("{\"ResourcesPerPage\":\"x\"}", "{\"ResourcesPerPage\":1e400}", "{\"TagsPerPage\":-1}",
                "{\"TagFilters\":\"x\"}", "{\"TagFilters\":[1]}", "{\"TagFilters\":[{\"Key\":{}}]}",
                "{\"TagFilters\":[{\"Key\":\"env\",\"Values\":\"prod\"}]}", "{\"ResourceTypeFilters\":5}",
                "{\"ResourceARNList\":\"arn\"}", "{\"PaginationToken\":\"***\"}", "{\"PaginationToken\":5}"));
        for (String body : bodies) {
            out.add(json("tagging " + cut(body), Shape.AWS_JSON_1_1, "tagging", "ResourceGroupsTaggingAPI_20170126.GetResources",
                    "application/x-amz-json-1.1", body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String target : List.of("ResourceGroupsTaggingAPI_20170126.TagResources", "ResourceGroupsTaggingAPI_20170126.",
                "ResourceGroupsTaggingAPI_X.GetResources")) {
            out.add(json("tagging target " + target, Shape.AWS_JSON_1_1, "tagging", target, "application/x-amz-json-1.1",
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void backup(List<Case> out) {
        String arn = "arn%3Aaws%3Adynamodb%3Aus-east-1%3A111111111111%3Atable%2Forders";
        List<String> lists = List.of("/backup/plans/", "/backup-vaults/", "/backup-vaults/Default/recovery-points/",
                "/resources/" + arn + "/recovery-points/", "/resources/", "/backup-jobs/", "/copy-jobs/",
                "/restore-jobs/", "/restore-testing/plans", "/backup/plans/plan-1/selections/");
        List<String> badQueries = List.of("maxResults=abc", "maxResults=0", "maxResults=1001",
                "maxResults=99999999999999999999", "nextToken=garbage", "nextToken=%zz", "nextToken=a.b",
                "MaxResults=-1", "NextToken=%", "createdBefore=notatime", "createdAfter=1e400",
                "createdBefore=99999999999999999999999", "state=NOPE", "status=nope", "resourceType=%%%",
                "byAccountId=12", "completeAfter=-99999999999999999999.5", "managedByAWSBackupOnly=maybe",
                "includeDeleted=2", "accountId=%E0%A4%A");
        for (String path : lists) {
            for (String q : badQueries) {
                out.add(rest("backup GET " + path + "?" + q, "GET", path + "?" + q));
            }
            out.add(rest("backup PATCH " + path, "PATCH", path));
        }
        for (String path : List.of("/%zz", "/backup-vaults/%", "/backup-vaults/%E0%A4%A/recovery-points/",
                "/resources/%GG/recovery-points/", "/backup/plans/%2/selections/", "/nothing/here",
                "/backup-vaults/" + "v".repeat(5000), "/backup-vaults//recovery-points/", "/backup-vaults/a%00b",
                "/backup-jobs/%FF%FE", "/restore-jobs/" + "9".repeat(100), "/backup/plans/../../etc/passwd",
                "/resources/not-an-arn/recovery-points/", "/backup-vaults/Default/recovery-points/%zz")) {
            out.add(rest("backup GET " + cut(path), "GET", path));
            out.add(rest("backup DELETE " + cut(path), "DELETE", path));
        }
    }

    private static void sts(List<Case> out) {
        List<String> forms = List.of("Action=%zz", "Action=%", "%zz=1", "Action=GetCallerIdentity&Version=%G0",
                "Action=AssumeRole&RoleArn=%", "Action=Nope&Version=2011-06-15", "", "Version=2011-06-15",
                "Action=AssumeRole&Version=2011-06-15", "Action=AssumeRole&RoleArn=x&RoleSessionName=s",
                "Action=AssumeRole&RoleArn=arn:aws:iam::111111111111:role/r&RoleSessionName=ok&DurationSeconds=abc",
                "Action=AssumeRole&RoleArn=arn:aws:iam::111111111111:role/r&RoleSessionName=ok&DurationSeconds=99999999999999999999",
                "Action=AssumeRole&RoleArn=arn:aws:iam::111111111111:role/r&RoleSessionName=ok&DurationSeconds=-1",
                "Action=AssumeRole&RoleArn=arn:aws:iam::111111111111:role/r&RoleSessionName=" + "s".repeat(500),
                "Action=AssumeRole&RoleArn=" + "a".repeat(3000) + "&RoleSessionName=ok",
                "&&&", "=", "Action", "\u00ff\u00fe");
        for (String form : forms) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Authorization", auth("sts"));
            h.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            out.add(new Case("sts POST " + cut(form), Shape.AWS_QUERY, "POST", "/", h, form.getBytes(StandardCharsets.UTF_8)));
            out.add(new Case("sts GET " + cut(form), Shape.AWS_QUERY, "GET", "/?" + form.replace(" ", "%20"),
                    Map.of("Authorization", auth("sts")), new byte[0]));
        }
    }

    private static void control(List<Case> out) {
        for (String body : List.of("{\"advance\":\"99999999999999d\"}", "{\"advance\":\"3000000000000000w\"}",
                "{\"advance\":\"99999999999999999999999d\"}", "{\"advance\":\"-1h\"}", "{\"advance\":5}",
                "{\"advance\":\"\"}", "{\"set\":\"not a time\"}", "{\"set\":\"+1000000000-01-01T00:00:00Z\"}",
                "{\"set\":\"0001-01-01T00:00:00Z\"}", "{\"advance\":\"1h\",\"set\":\"2026-01-01T00:00:00Z\"}",
                "{}", "[]", "{", "null", "\"1h\"", "{\"advance\":null}", "{\"advance\":{\"h\":1}}")) {
            out.add(new Case("control clock " + body, Shape.CONTROL, "POST", "/_sandbox/clock",
                    Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String body : List.of("limits: [", "latency: 5", "latency: [{operation: X, fixed: 99999999999999d}]",
                "error_rates: [{rate: 7}]", "profile: nope", "scale: -1", "scale: abc", "down: {a: b}",
                "- a\n- b", "limits: {dynamodb: {ListTables: 1e400}}", "\t\tbad: [tab", "&a [*a, *a]")) {
            out.add(new Case("control faults " + cut(body), Shape.CONTROL, "PUT", "/_sandbox/faults",
                    Map.of("Content-Type", "application/yaml"), body.getBytes(StandardCharsets.UTF_8)));
        }
        for (String[] mp : new String[][] {{"DELETE", "/_sandbox/clock"}, {"PUT", "/_sandbox/clock"},
                {"GET", "/_sandbox/faults"}, {"POST", "/_sandbox/faults"}, {"GET", "/_sandbox/"},
                {"GET", "/_sandbox/nothing"}, {"GET", "/_sandbox/%zz"}, {"PATCH", "/_sandbox/clock"}}) {
            out.add(new Case("control " + mp[0] + " " + mp[1], Shape.CONTROL, mp[0], mp[1], Map.of(), new byte[0]));
        }
    }

    private static void signatures(List<Case> out) {
        for (String header : List.of("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=a/b/c",
                "AWS4-HMAC-SHA256 Credential=AKIA/20250601/us-east-1/nosuchservice/aws4_request",
                "AWS4-HMAC-SHA256 Credential=AKIA/2025/us-east-1/dynamodb/aws4_request",
                "AWS4-HMAC-SHA256 Credential=AKIA/20250601//dynamodb/aws4_request", "Basic dXNlcjpwYXNz", "%zz",
                "AWS4-HMAC-SHA256 Credential=" + "A".repeat(4000) + "/20250601/us-east-1/s3/aws4_request")) {
            out.add(new Case("sigv4 " + cut(header), Shape.AWS_JSON_1_0, "POST", "/", Map.of("Authorization", header),
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static Case json(String name, Shape shape, String service, String target, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", auth(service));
        h.put("X-Amz-Target", target);
        h.put("Content-Type", contentType);
        return new Case(name, shape, "POST", "/", h, body);
    }

    private static Case rest(String name, String method, String target) {
        return new Case(name, Shape.REST_JSON_1, method, target, Map.of("Authorization", auth("backup")), new byte[0]);
    }

    private static String cut(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }
}
