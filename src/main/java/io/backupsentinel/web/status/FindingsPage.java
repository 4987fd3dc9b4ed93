package io.backupsentinel.web.status;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;

import java.time.Instant;
import java.util.List;

/** One page of {@code GET /findings}: the rows, how many matched, and the filter's choices. */
public record FindingsPage(FindingsQuery query, List<Finding> rows, int total, List<String> rules, Instant now) {
    public int pages() {
        return Math.max(1, (total + query.size() - 1) / query.size());
    }

    public int first() {
        return total == 0 ? 0 : (query.page() - 1) * query.size() + 1;
    }

    public int last() {
        return (query.page() - 1) * query.size() + rows.size();
    }

    public String href(int page) {
        return query.filter().href(page, query.size());
    }

    public List<Status> statuses() {
        return List.of(Status.values());
    }

    public FindingsFilter filter() {
        return query.filter();
    }

    public String value(String s) {
        return s == null ? "" : s;
    }
}
