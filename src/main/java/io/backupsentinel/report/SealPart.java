package io.backupsentinel.report;

/**
 * One named byte range of a sealed report (a section): its SHA-256 and one 8-hex-digit tag per line, so an
 * altered byte can be traced to its section and line.
 */
public record SealPart(String name, long offset, long length, String sha256, String lineTags) {
    public int lines() {
        return lineTags.length() / Digests.TAG_LENGTH;
    }

    String lineTag(int index) {
        return lineTags.substring(index * Digests.TAG_LENGTH, (index + 1) * Digests.TAG_LENGTH);
    }
}
