package io.backupsentinel.report;

/** How one audit's result is printed ({@code audit --format}). */
public enum AuditFormat {
    json, csv, text
}
