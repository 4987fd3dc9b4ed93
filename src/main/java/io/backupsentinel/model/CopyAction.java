package io.backupsentinel.model;

/** A plan rule's copy to another vault, possibly in another region or account. */
public record CopyAction(String destinationVaultArn, Long deleteAfterDays) {
    public String destinationRegion() {
        return Arns.region(destinationVaultArn);
    }

    public String destinationAccount() {
        return Arns.account(destinationVaultArn);
    }
}
