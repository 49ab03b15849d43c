package org.formbox.submission;

import org.formbox.forms.FieldCatalog;
import org.formbox.forms.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formbox.submission.SubmissionView.Content;
import org.formbox.submission.SubmissionView.Detail;
import org.formbox.submission.SubmissionView.Document;
import org.formbox.submission.SubmissionView.FindingView;
import org.formbox.submission.SubmissionView.Page;
import org.formbox.submission.SubmissionView.ReplyState;
import org.formbox.submission.SubmissionView.Summary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads stored submissions for the API, the pages, the replies and the export. */
@Service
public class SubmissionSearch {

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public SubmissionSearch(JdbcClient jdbc, org.formbox.system.CallSettings call) {
        this.jdbc = jdbc;
        this.zone = call.timeZone(); // a day searched is a day in the zone people see
    }

    /**
     * Search criteria; null or blank means any.
     *
     * @param sender     part of the sender's address
     * @param enterprise part of the enterprise name
     * @param status     a status name
     * @param annex      the annex of a form (ANNEX_1 …), OTHER or UNREADABLE: has a document read as this
     * @param region     the Annex 2 field {@code region}, exactly
     * @param programme  the Annex 1 field {@code programme}, exactly
     * @param from       received on or after this day (server time zone)
     * @param to         received on or before this day (server time zone)
     */
    public record Criteria(String sender, String enterprise, String status, String annex, String region,
                           String programme, LocalDate from, LocalDate to) {

        /** Criteria without region, programme or dates. */
        public Criteria(String sender, String enterprise, String status, String annex) {
            this(sender, enterprise, status, annex, null, null, null, null);
        }
    }

    /** Submissions matching the criteria, newest first. */
    public Page<Summary> find(Criteria c, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (has(c.sender())) {
            where.append(" and lower(s.sender) like :sender");
            params.put("sender", "%" + c.sender().strip().toLowerCase() + "%");
        }
        if (has(c.enterprise())) {
            where.append(" and lower(s.enterprise_name) like :enterprise");
            params.put("enterprise", "%" + c.enterprise().strip().toLowerCase() + "%");
        }
        if (has(c.status())) {
            where.append(" and s.status = :status");
            params.put("status", c.status().strip().toUpperCase());
        }
        if (has(c.annex())) {
            where.append(" and exists (select 1 from document d where d.submission_id = s.id and d.annex = :annex)");
            params.put("annex", c.annex().strip().toUpperCase());
        }
        // the fields playing the roles region and programme in the definition; without the role nothing matches
        if (has(c.region())) {
            where.append(" and exists (select 1 from document d join field_value f on f.document_id = d.id"
                    + " where d.submission_id = s.id and f.field_key = :regionKey and f.text_value = :region)");
            params.put("regionKey", FieldCatalog.role(Role.REGION).orElse(""));
            params.put("region", c.region().strip());
        }
        if (has(c.programme())) {
            where.append(" and exists (select 1 from document d join field_value f on f.document_id = d.id"
                    + " where d.submission_id = s.id and f.field_key = :programmeKey and f.text_value = :programme)");
            params.put("programmeKey", FieldCatalog.role(Role.PROGRAMME).orElse(""));
            params.put("programme", c.programme().strip());
        }
        if (c.from() != null) {
            where.append(" and s.received_at >= :from");
            params.put("from", c.from().atStartOfDay(zone).toOffsetDateTime());
        }
        if (c.to() != null) {
            where.append(" and s.received_at < :to");
            params.put("to", c.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        }
        long total = jdbc.sql("select count(*) from submission s" + where).params(params).query(Long.class).single();
        int limit = Math.max(1, Math.min(size, 500));
        List<Summary> items = jdbc.sql("""
                select s.id, s.sender, s.subject, s.received_at, s.status, s.version, s.superseded_by, s.enterprise_name
                from submission s""" + where + " order by s.received_at desc, s.id desc limit :limit offset :offset")
                .params(params).param("limit", limit).param("offset", (long) Math.max(page, 0) * limit)
                .query((rs, n) -> new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getObject(4, OffsetDateTime.class)),
                        rs.getString(5), (Integer) rs.getObject(6), (Long) rs.getObject(7), rs.getString(8), List.of()))
                .list();
        List<Summary> withAnnexes = new ArrayList<>();
        for (Summary s : items) {
            withAnnexes.add(new Summary(s.id(), s.sender(), s.subject(), s.receivedAt(), s.status(), s.version(),
                    s.supersededBy(), s.enterpriseName(), annexes(s.id())));
        }
        return new Page<>(withAnnexes, total);
    }

    /** One submission in full. */
    public Optional<Detail> detail(long id) {
        return jdbc.sql("""
                select id, message_id, sender, sender_name, subject, received_at, status, failure_reason, version,
                  supersedes, superseded_by, enterprise_name, archive_path
                from submission where id = ?""").param(id)
                .query((rs, n) -> new Detail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs.getObject(6, OffsetDateTime.class)), rs.getString(7), rs.getString(8),
                        (Integer) rs.getObject(9), (Long) rs.getObject(10), (Long) rs.getObject(11), rs.getString(12),
                        rs.getString(13), documents(id), findings(id), reply(id)))
                .optional();
    }

    /** The n-th attachment of a submission as received. */
    public Optional<Content> document(long submissionId, int n) {
        return jdbc.sql("select filename, content_type, content from document where submission_id = ? and seq = ?")
                .params(submissionId, n)
                .query((rs, i) -> new Content(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** Where the raw message of a submission is archived. */
    public Optional<String> archivePath(long submissionId) {
        return jdbc.sql("select archive_path from submission where id = ?").param(submissionId).query(String.class).optional();
    }

    private List<String> annexes(long id) {
        return jdbc.sql("select distinct annex from document where submission_id = ? and annex is not null order by annex")
                .param(id).query(String.class).list();
    }

    private List<Document> documents(long submissionId) {
        // every document's values in one statement, not one per document: the outbox reads each reply's submission
        record Read(Map<String, Object> fields, Map<String, String> raw, Map<String, SubmissionView.Provenance> provenance) {
        }
        Map<Long, Read> read = new java.util.HashMap<>();
        jdbc.sql("""
                select v.document_id, v.field_key, v.text_value, v.num_value, v.raw_text, v.value_source, v.confidence
                from field_value v join document d on d.id = v.document_id where d.submission_id = ? order by v.id""")
                .param(submissionId).query(f -> {
                    Read r = read.computeIfAbsent(f.getLong(1),
                            k -> new Read(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>()));
                    Object v = SubmissionView.value(f.getBigDecimal(4), f.getString(3));
                    if (v != null) {
                        r.fields().put(f.getString(2), v);
                    }
                    if (f.getString(5) != null) {
                        r.raw().put(f.getString(2), f.getString(5));
                    }
                    if (f.getString(6) != null) {
                        var confidence = f.getBigDecimal(7);
                        r.provenance().put(f.getString(2), new SubmissionView.Provenance(f.getString(6),
                                confidence == null ? null : confidence.doubleValue()));
                    }
                });
        return jdbc.sql("""
                select id, seq, filename, content_type, origin, size_bytes, container, annex, unreadable
                from document where submission_id = ? order by seq""").param(submissionId)
                .query((rs, n) -> {
                    Read r = read.computeIfAbsent(rs.getLong(1),
                            k -> new Read(new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>()));
                    return new Document(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                            rs.getBoolean(7), rs.getString(8), rs.getString(9), r.fields(), r.raw(), r.provenance());
                }).list();
    }

    private List<FindingView> findings(long submissionId) {
        return jdbc.sql("""
                select id, rule, severity, field_keys, message, overridden_by, overridden_at, override_note
                from finding where submission_id = ? order by seq""").param(submissionId)
                .query((rs, n) -> new FindingView(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4).isEmpty() ? List.of() : Arrays.asList(rs.getString(4).split(",")),
                        rs.getString(5), rs.getString(6), instant(rs.getObject(7, OffsetDateTime.class)), rs.getString(8)))
                .list();
    }

    private ReplyState reply(long submissionId) {
        return jdbc.sql("""
                select state, sent_at, suppressed_because, attempts, last_error from outbox
                where submission_id = ? and kind = 'REPLY' order by id desc""").param(submissionId)
                .query((rs, n) -> new ReplyState("SENT".equals(rs.getString(1)), instant(rs.getObject(2, OffsetDateTime.class)),
                        rs.getString(3), rs.getInt(4), rs.getString(5)))
                .optional().orElse(new ReplyState(false, null, null, 0, null));
    }

    private static boolean has(String s) {
        return s != null && !s.isBlank();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
