-- The status page reads one table's newest transitions and posture changes; without this index each page
-- would scan every record of that kind.
CREATE INDEX records_table ON records (tbl, account, region, kind, seq);
