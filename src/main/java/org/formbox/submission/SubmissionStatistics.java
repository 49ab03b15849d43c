package org.formbox.submission;

import org.formbox.forms.FieldCatalog;
import org.formbox.forms.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.formbox.submission.SubmissionView.Summary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Counts for the dashboard and the digest, and the submissions received in a period. */
@Service
public class SubmissionStatistics {

    private final JdbcClient jdbc;
    private final SubmissionSearch search;

    public SubmissionStatistics(JdbcClient jdbc, SubmissionSearch search) {
        this.jdbc = jdbc;
        this.search = search;
    }

    /**
     * The dashboard's numbers.
     *
     * @param total       every stored submission
     * @param enterprises enterprise files (the roster and those that wrote)
     * @param byStatus    all submissions by status, in the order of {@link SubmissionStatus}
     * @param byRegion    each enterprise's current submission by the Annex 2 field {@code region}
     * @param byProgramme each enterprise's current submission by the Annex 1 field {@code programme}
     * @param perDay      submissions received per day (server time zone), the last {@code days} days
     */
    public record Counts(long total, long enterprises, Map<String, Long> byStatus, Map<String, Long> byRegion,
                         Map<String, Long> byProgramme, Map<LocalDate, Long> perDay) {
    }

    /** The counts, with {@code days} days of daily totals ending today. */
    public Counts counts(int days, ZoneId zone) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (SubmissionStatus s : SubmissionStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        jdbc.sql("select status, count(*) from submission group by status")
                .query(rs -> { byStatus.put(rs.getString(1), rs.getLong(2)); });
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        // the same number as the files' total (EnterpriseCounts), not a second way of counting enterprises
        long enterprises = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        LocalDate today = LocalDate.now(zone);
        LocalDate first = today.minusDays(Math.max(days, 1) - 1L);
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        jdbc.sql("select received_at from submission where received_at >= ?")
                .param(first.atStartOfDay(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC))
                .query(rs -> {
                    LocalDate day = rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate();
                    perDay.computeIfPresent(day, (d, n) -> n + 1);
                });
        return new Counts(total, enterprises, byStatus, currentByField(Role.REGION), currentByField(Role.PROGRAMME), perDay);
    }

    /** Submissions received after an instant (all of them when null), oldest first. */
    public List<Summary> receivedSince(Instant since) {
        Instant from = since == null ? Instant.EPOCH : since;
        List<Long> ids = jdbc.sql("select id from submission where received_at > ? order by received_at, id")
                .param(from.atOffset(ZoneOffset.UTC)).query(Long.class).list();
        return summaries(ids);
    }

    /** The current (not superseded) submissions with this status, newest first. */
    public List<Long> current(SubmissionStatus status) {
        return jdbc.sql("""
                select id from submission where status = ? and superseded_by is null
                order by received_at desc, id desc""").param(status.name()).query(Long.class).list();
    }

    private List<Summary> summaries(List<Long> ids) {
        return ids.stream().map(id -> search.detail(id).orElseThrow())
                .map(d -> new Summary(d.id(), d.sender(), d.subject(), d.receivedAt(), d.status(), d.version(),
                        d.supersededBy(), d.enterpriseName(), d.documents().stream()
                        .map(SubmissionView.Document::annex).filter(a -> a != null).distinct().sorted().toList()))
                .toList();
    }

    private Map<String, Long> currentByField(Role role) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String key = FieldCatalog.role(role).orElse(null);
        if (key == null) {
            return counts;
        }
        jdbc.sql("""
                select f.text_value, count(distinct s.id) from submission s
                  join document d on d.submission_id = s.id
                  join field_value f on f.document_id = d.id
                where f.field_key = ? and f.text_value is not null
                  and s.superseded_by is null and s.status in ('ACCEPTED', 'NEEDS_CORRECTION')
                group by f.text_value order by count(distinct s.id) desc, f.text_value""")
                .param(key).query(rs -> { counts.put(rs.getString(1), rs.getLong(2)); });
        return counts;
    }
}
