package io.backupsentinel.sandbox.http;

/** The sandbox's own control paths, outside every AWS API: they carry no SigV4 signature. */
public final class ControlPaths {
    public static final String PREFIX = "/_sandbox/";
    public static final String CLOCK = PREFIX + "clock";
    public static final String FAULTS = PREFIX + "faults";
    /** A PagerDuty Events API v2 look-alike for the demo: POST events here, GET what arrived. */
    public static final String PAGERDUTY = PREFIX + "pagerduty";
    /** What the sandbox's CloudWatch received from PutMetricData (GET, JSON). */
    public static final String CLOUDWATCH = PREFIX + "cloudwatch";
    public static final String PAGERDUTY_ENQUEUE = PAGERDUTY + "/v2/enqueue";

    private ControlPaths() {
    }
}
