package io.backupsentinel.cost;

/**
 * Storage prices of one region, in USD per GB-month (a GB being 2^30 bytes, as AWS bills storage).
 *
 * @param pitr           DynamoDB continuous backups (PITR), charged on the table's size
 * @param onDemand       DynamoDB on-demand backup storage (USER and SYSTEM backups)
 * @param awsBackupWarm  AWS Backup storage of DynamoDB recovery points in warm storage
 * @param awsBackupCold  AWS Backup cold storage of DynamoDB recovery points (moved there by their lifecycle)
 * @param export         S3 Standard storage of table exports
 */
public record Prices(double pitr, double onDemand, double awsBackupWarm, double awsBackupCold, double export) {
    /**
     * AWS's public list prices for US East (N. Virginia), as read on 2026-12-02 from aws.amazon.com/dynamodb/pricing
     * (continuous backups $0.20, on-demand backup $0.10 per GB-month), aws.amazon.com/backup/pricing (DynamoDB warm
     * $0.10, cold $0.03 per GB-month) and aws.amazon.com/s3/pricing (S3 Standard, first 50 TB, $0.023 per
     * GB-month). Other regions differ by a few percent; override them in the config's {@code cost:} section.
     */
    public static final Prices US_EAST_1_LIST = new Prices(0.20, 0.10, 0.10, 0.03, 0.023);

    public Prices {
        check("pitr", pitr);
        check("on_demand", onDemand);
        check("aws_backup_warm", awsBackupWarm);
        check("aws_backup_cold", awsBackupCold);
        check("export", export);
    }

    private static void check(String name, double price) {
        if (!(price >= 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException(name + " price must be a finite number of USD per GB-month >= 0, got "
                    + price);
        }
    }
}
