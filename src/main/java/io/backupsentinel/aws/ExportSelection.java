package io.backupsentinel.aws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * Picks which of a table's exports to describe: the newest COMPLETED one and the newest FAILED one newer
 * than it (all the {@code export} check reads), so a table with a long export history costs at most two
 * DescribeExport calls. "Newer" comes from the export ARN's id, which begins with the export's start time
 * in epoch milliseconds (TABLE_ARN/export/01695353076000-06e2188f); where an id does not, the order is
 * unknown and every export of the table is described.
 */
final class ExportSelection {
    private ExportSelection() {
    }

    static List<String> toDescribe(List<RegionApi.ExportSummary> exports) {
        if (exports.stream().anyMatch(e -> startMillis(e.arn()).isEmpty())) {
            return exports.stream().map(RegionApi.ExportSummary::arn).toList();
        }
        List<RegionApi.ExportSummary> newestFirst = new ArrayList<>(exports);
        newestFirst.sort(Comparator.comparingLong((RegionApi.ExportSummary e) -> startMillis(e.arn()).getAsLong())
                .reversed());
        List<String> out = new ArrayList<>(2);
        for (RegionApi.ExportSummary e : newestFirst) {
            if ("FAILED".equals(e.status()) && out.isEmpty()) {
                out.add(e.arn());
            } else if ("COMPLETED".equals(e.status())) {
                out.add(e.arn());
                break;
            }
        }
        return out;
    }

    /** The table ARN an export belongs to, or null when the ARN is not TABLE_ARN/export/ID. */
    static String tableArn(String exportArn) {
        int i = exportArn == null ? -1 : exportArn.indexOf("/export/");
        return i < 0 ? null : exportArn.substring(0, i);
    }

    static OptionalLong startMillis(String exportArn) {
        int i = exportArn == null ? -1 : exportArn.indexOf("/export/");
        if (i < 0) {
            return OptionalLong.empty();
        }
        String id = exportArn.substring(i + "/export/".length());
        int end = 0;
        while (end < id.length() && Character.isDigit(id.charAt(end))) {
            end++;
        }
        // Millisecond timestamps since 2001 have 13 digits; AWS pads them to 14.
        return end >= 13 && end <= 19 ? OptionalLong.of(Long.parseLong(id.substring(0, end))) : OptionalLong.empty();
    }
}
