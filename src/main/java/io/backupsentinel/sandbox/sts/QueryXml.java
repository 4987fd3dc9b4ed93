package io.backupsentinel.sandbox.sts;

/** Builds awsQuery XML responses: {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>…}. */
final class QueryXml {
    static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private final StringBuilder sb = new StringBuilder();

    QueryXml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    QueryXml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    QueryXml element(String name, String value) {
        if (value != null) {
            open(name);
            sb.append(escape(value));
            close(name);
        }
        return this;
    }

    static String response(String operation, String result, String requestId) {
        return "<" + operation + "Response xmlns=\"" + NAMESPACE + "\"><" + operation + "Result>" + result
                + "</" + operation + "Result><ResponseMetadata><RequestId>" + requestId
                + "</RequestId></ResponseMetadata></" + operation + "Response>";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
