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

    /**
     * The 400 this protocol answers to input it cannot read: awsJson's SerializationException, AWS
     * Backup's InvalidParameterValueException, awsQuery's InvalidQueryParameter ("the AWS query string is
     * malformed", a 400 in the common errors of the query APIs).
     */
    public AwsError malformed(String message) {
        return switch (this) {
            case AWS_JSON_1_0, AWS_JSON_1_1 -> new AwsError(400, "SerializationException", message);
            case REST_JSON_1 -> new AwsError(400, "InvalidParameterValueException", message);
            case AWS_QUERY -> new AwsError(400, "InvalidQueryParameter", message);
        };
    }
}
