package io.backupsentinel.config;

import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.cost.Prices;
import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code cost:} section: the storage prices of the estimate, in USD per GB-month (GB = 2^30 bytes).
 * {@code currency} may only be USD; {@code prices} sets {@code pitr}, {@code on_demand}, {@code aws_backup_warm},
 * {@code aws_backup_cold} and {@code export} (each optional, AWS's us-east-1 list price by default); {@code regions}
 * maps a region name to the prices that differ there (the others come from {@code prices}).
 */
final class CostSection implements SectionReader<PriceTable> {
    /** A price above this is surely a typo (AWS's dearest backup storage is well under a dollar per GB-month). */
    private static final double MAX_PRICE = 1_000;

    @Override
    public String key() {
        return "cost";
    }

    @Override
    public PriceTable read(YNode node, Path base) {
        if (node == null) {
            return PriceTable.AWS_LIST_PRICES;
        }
        YMap m = node.map();
        String currency = m.str("currency", PriceTable.CURRENCY);
        if (currency != null && !PriceTable.CURRENCY.equals(currency)) {
            m.get("currency").error("'" + Text.clip(currency) + "' is not supported: prices are in USD, the"
                    + " currency of AWS's price lists");
        }
        Prices defaults = prices(m.get("prices"), Prices.US_EAST_1_LIST);
        Map<String, Prices> regions = new LinkedHashMap<>();
        YNode regionsNode = m.get("regions");
        if (regionsNode != null) {
            for (Map.Entry<String, YNode> e : regionsNode.map().entries().entrySet()) {
                if (!AwsSection.REGION.matcher(e.getKey()).matches()) {
                    e.getValue().error("'" + Text.clip(e.getKey()) + "' is not a region name, e.g. eu-west-1");
                    continue;
                }
                regions.put(e.getKey(), prices(e.getValue(), defaults));
            }
        }
        m.finish();
        return new PriceTable(defaults, regions);
    }

    /** The prices under {@code node}, each absent one taken from {@code base}. */
    private static Prices prices(YNode node, Prices base) {
        if (node == null) {
            return base;
        }
        YMap m = node.map();
        double pitr = price(m, "pitr", base.pitr());
        double onDemand = price(m, "on_demand", base.onDemand());
        double warm = price(m, "aws_backup_warm", base.awsBackupWarm());
        double cold = price(m, "aws_backup_cold", base.awsBackupCold());
        double export = price(m, "export", base.export());
        m.finish();
        return new Prices(pitr, onDemand, warm, cold, export);
    }

    private static double price(YMap m, String key, double dflt) {
        Double v = m.decimal(key, dflt, 0, MAX_PRICE);
        return v == null ? dflt : v;
    }
}
