package io.backupsentinel.sandbox.backup;

/**
 * The query-string names an operation uses for paging. Most of AWS Backup spells them
 * {@code maxResults}/{@code nextToken}; the restore-testing operations spell them
 * {@code MaxResults}/{@code NextToken}. All take 1..1000 and, the model giving no default, the sandbox
 * returns up to 1000 items when MaxResults is absent.
 */
record PageParams(String maxResults, String nextToken) {
    static final PageParams LOWER = new PageParams("maxResults", "nextToken");
    static final PageParams UPPER = new PageParams("MaxResults", "NextToken");
    static final int MIN = 1;
    static final int MAX = 1000;
    static final int DEFAULT = 1000;
}
