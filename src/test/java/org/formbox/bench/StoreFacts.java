package org.formbox.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the service's store says, read after the service has stopped. */
final class StoreFacts {

    /** One submission and its reply. */
    record Row(long id, String sender, String messageId, String status, Instant receivedAt, String replyState,
               Instant sentAt) {
    }

    final List<Row> rows = new ArrayList<>();

    static StoreFacts read(ServiceProcess service) throws Exception {
        StoreFacts facts = new StoreFacts();
        try (Connection c = service.openStore(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select s.id, s.sender, s.message_id, s.status, s.received_at, o.state, o.sent_at
                     from submission s left join outbox o on o.submission_id = s.id and o.kind = 'REPLY' order by s.id""")) {
            while (rs.next()) {
                facts.rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getObject(5, OffsetDateTime.class)), rs.getString(6),
                        instant(rs.getObject(7, OffsetDateTime.class))));
            }
        }
        return facts;
    }

    Map<String, Integer> submissionsBySender() {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.merge(r.sender(), 1, Integer::sum));
        return counts;
    }

    Map<String, Long> statuses() {
        Map<String, Long> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    /** The q-quantile (0..1) of a list of values, nearest rank. */
    static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(q * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
