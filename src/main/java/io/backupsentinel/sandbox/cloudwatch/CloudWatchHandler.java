package io.backupsentinel.sandbox.cloudwatch;

import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.http.Protocol;
import io.backupsentinel.sandbox.http.QueryParams;
import io.backupsentinel.sandbox.http.RequestContext;
import io.backupsentinel.sandbox.http.SandboxRequest;
import io.backupsentinel.sandbox.http.SandboxResponse;
import io.backupsentinel.sandbox.http.ServiceHandler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * CloudWatch (signing name {@code monitoring}), PutMetricData only, in awsQuery as the AWS SDK for Java
 * 2.40.2 sends it ({@code Action=PutMetricData&Version=2010-08-01}, form-encoded; its client is built on
 * AwsQueryProtocolFactory). The SDK gzips PutMetricData bodies of 10 KiB or more ({@code Content-Encoding:
 * gzip}, the operation's requestcompression trait), so those are inflated here, up to CloudWatch's 1 MB
 * request limit. What arrives is kept in {@link PublishedMetrics}.
 */
public final class CloudWatchHandler implements ServiceHandler {
    static final String NAMESPACE = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    /** CloudWatch's PutMetricData payload limit, uncompressed. */
    static final int MAX_BODY = 1024 * 1024;
    private final PublishedMetrics published;

    public CloudWatchHandler(PublishedMetrics published) {
        this.published = published;
    }

    @Override
    public String signingName() {
        return "monitoring";
    }

    @Override
    public Protocol protocol() {
        return Protocol.AWS_QUERY;
    }

    @Override
    public String operation(SandboxRequest request) {
        return QueryParams.action(params(request), Set.of("PutMetricData"), "2010-08-01");
    }

    @Override
    public SandboxResponse handle(SandboxRequest request, RequestContext ctx) {
        if (ctx.account() == null) {
            throw new AwsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        published.addAll(MetricDataReader.read(params(request), ctx.account(), request.region(), ctx.now()));
        String xml = "<PutMetricDataResponse xmlns=\"" + NAMESPACE + "\"><ResponseMetadata><RequestId>"
                + ctx.requestId() + "</RequestId></ResponseMetadata></PutMetricDataResponse>";
        return SandboxResponse.ok(protocol().contentType(), xml);
    }

    private static Map<String, List<String>> params(SandboxRequest request) {
        return QueryParams.of(request, body(request));
    }

    private static String body(SandboxRequest request) {
        String encoding = request.header("content-encoding");
        if (encoding == null || encoding.isBlank() || encoding.equalsIgnoreCase("identity")) {
            return request.bodyText();
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw Protocol.AWS_QUERY.malformed("Content-Encoding " + encoding + " is not supported; send gzip or none");
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(request.body()))) {
            byte[] inflated = in.readNBytes(MAX_BODY + 1);
            if (inflated.length > MAX_BODY) {
                throw new AwsError(413, "RequestEntityTooLarge", "Request size exceeded " + MAX_BODY + " bytes");
            }
            return new String(inflated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Protocol.AWS_QUERY.malformed("the gzip body cannot be read: " + e.getMessage());
        }
    }
}
