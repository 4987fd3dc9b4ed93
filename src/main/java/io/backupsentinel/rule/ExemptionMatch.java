package io.backupsentinel.rule;

/**
 * The exemption that covers a (rule, table): either active (the finding is EXEMPT) or expired (the table is
 * evaluated normally and the finding says so).
 */
public record ExemptionMatch(Exemption exemption, boolean active) {

    /** The sentence for the finding's message. */
    public String message() {
        if (active) {
            return "exempt until " + exemption.expires() + ", approved by " + exemption.approver() + ": "
                    + exemption.reason();
        }
        return "exemption expired on " + exemption.expires() + "; evaluated normally";
    }
}
