/**
 * The sandbox's HTTP front: one port, requests routed to a service by their SigV4 credential scope (or
 * X-Amz-Target), to an account by their access key and to a region by their credential scope; errors
 * rendered in each protocol's own shape so the SDK maps and retries them as it would AWS's.
 */
package io.backupsentinel.sandbox.http;
