package io.backupsentinel.sandbox.http;

/** The AWS wire protocols the sandbox speaks; each renders errors in its own shape. */
public enum Protocol {
    AWS_JSON_1_0("application/x-amz-json-1.0"),
    AWS_JSON_1_1("application/x-amz-json-1.1"),
    REST_JSON_1("application/json"),
    AWS_QUERY("text/xml");

    private final String contentType;

    Protocol(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
