package io.backupsentinel.cost;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The storage prices used for estimates: one set for every region, and optional per-region sets that replace
 * it (AWS prices differ by region). Currency is always USD. {@link #AWS_LIST_PRICES} is the default when the
 * config has no {@code cost:} section.
 *
 * @param defaults the prices of a region without its own set
 * @param regions  region name → its prices
 */
public record PriceTable(Prices defaults, Map<String, Prices> regions) {
    /** Bytes in the GB of AWS's GB-month: AWS bills storage in binary gigabytes (2^30 bytes). */
    public static final long BYTES_PER_GB = 1L << 30;
    public static final String CURRENCY = "USD";
    /** {@link Prices#US_EAST_1_LIST} everywhere. */
    public static final PriceTable AWS_LIST_PRICES = new PriceTable(Prices.US_EAST_1_LIST, Map.of());

    public PriceTable {
        Objects.requireNonNull(defaults, "defaults");
        regions = Map.copyOf(new TreeMap<>(regions));
    }

    /** The prices that apply in {@code region}. */
    public Prices in(String region) {
        return regions.getOrDefault(region, defaults);
    }

    /** The monthly cost of keeping {@code bytes} at {@code usdPerGbMonth}. */
    public static double monthlyUsd(long bytes, double usdPerGbMonth) {
        return bytes / (double) BYTES_PER_GB * usdPerGbMonth;
    }
}
