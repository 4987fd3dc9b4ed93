package io.backupsentinel.sandbox.fault;

/** A share (0..1) of the selected requests that fail with the service's internal server error. */
public record ErrorRate(Selector selector, double rate) {
    public ErrorRate {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("an error rate must be between 0 and 1, got " + rate);
        }
    }
}
