package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.http.RequestContext;

/** One awsJson operation: reads the request body, acts on the world, returns the response body. */
@FunctionalInterface
public interface Operation {
    ObjectNode apply(JsonInput in, RequestContext ctx);
}
