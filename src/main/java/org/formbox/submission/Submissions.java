package org.formbox.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.formbox.forms.FieldValue;
import org.formbox.validation.Finding;
import org.formbox.outbox.Outbox;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves what the service learns from a message: the submission, its documents, values and
 * findings, its place among the enterprise's versions, and its reply in the outbox, all in one
 * transaction. A message saved before (same Message-ID and content) is not saved again.
 */
@Service
public class Submissions {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final FileAttribution attribution;
    private final Conversations conversations;
    private final Outbox outbox;

    public Submissions(JdbcClient jdbc, JdbcTemplate batch, FileAttribution attribution, Conversations conversations,
                       Outbox outbox) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.attribution = attribution;
        this.conversations = conversations;
        this.outbox = outbox;
    }

    /** The submission already made from this message, if any. */
    public Optional<Existing> findByMessage(String messageId, String contentHash) {
        return jdbc.sql("select id, status from submission where message_key = ? and content_hash = ?")
                .params(messageKey(messageId, contentHash), contentHash)
                .query((rs, n) -> new Existing(rs.getLong(1), SubmissionStatus.valueOf(rs.getString(2)))).optional();
    }

    /**
     * A submission saved before.
     *
     * @param id     its id
     * @param status its status
     */
    public record Existing(long id, SubmissionStatus status) {
    }

    /**
     * Saves a submission unless the same message was saved before.
     *
     * @return the submission's id, and whether this call created it
     */
    @Transactional
    public Saved save(SubmissionDraft draft) {
        Optional<Existing> existing = findByMessage(draft.messageId(), draft.contentHash());
        if (existing.isPresent()) {
            return new Saved(existing.get().id(), false);
        }
        String enterpriseKey = draft.status().carriesForms() ? enterpriseKey(draft) : null;
        // the conversation this mail belongs to, stored with the row rather than by a second statement
        String thread = conversations.threadKey(draft.messageId(), draft.threadRefs(), draft.contentHash());
        long id;
        try {
            id = insertSubmission(draft, enterpriseKey, thread);
        } catch (DuplicateKeyException raced) {
            return new Saved(findByMessage(draft.messageId(), draft.contentHash()).orElseThrow().id(), false);
        }
        List<Long> documentIds = insertReading(id, draft);
        if (draft.status().carriesForms()) {
            attribution.attach(id, draft, documentIds);
        }
        if (draft.reply() != null) {
            String suppressed = draft.reply().suppressedBecause();
            if (suppressed == null && draft.status() == SubmissionStatus.NEEDS_ANSWER && conversations.acknowledged(thread)) {
                suppressed = "acknowledged before in this conversation"; // one acknowledgement per thread
            }
            outbox.reply(id, draft.reply().recipient(), suppressed, draft.receivedAt(), thread);
        }
        return new Saved(id, true);
    }

    private List<Long> insertReading(long id, SubmissionDraft draft) {
        // batched: a submission carries some 70 values and findings, and one round trip each was a
        // sixth of the time a message takes (docs/benchmark.md)
        List<Object[]> values = new java.util.ArrayList<>();
        List<Long> documentIds = new java.util.ArrayList<>();
        int seq = 0;
        for (SubmissionDraft.Document doc : draft.documents()) {
            long documentId = insertDocument(id, seq++, doc);
            documentIds.add(documentId);
            for (Map.Entry<String, FieldValue> field : doc.fields().entrySet()) {
                FieldValue v = field.getValue();
                values.add(new Object[] {documentId, truncate(field.getKey(), 100), truncate(v.text(), 100_000), v.number(),
                        truncate(v.raw(), 100_000), v.source() == null ? null : v.source().name(), v.confidence()});
            }
        }
        batch.batchUpdate("insert into field_value (document_id, field_key, text_value, num_value, raw_text, value_source, confidence)"
                + " values (?, ?, ?, ?, ?, ?, ?)",
                values);
        List<Object[]> findings = new java.util.ArrayList<>();
        seq = 0;
        for (Finding f : draft.findings()) {
            findings.add(new Object[] {id, seq++, truncate(f.rule(), 40), f.severity().name(),
                    truncate(String.join(",", f.fields()), 1000), truncate(f.message(), 4000)});
        }
        batch.batchUpdate("insert into finding (submission_id, seq, rule, severity, field_keys, message) values (?, ?, ?, ?, ?, ?)",
                findings);
        return documentIds;
    }

    /**
     * Replaces what was read from a stored message with a new reading of its archived bytes (after a
     * reader or a rule improved). The submission keeps its id, version and reply; a coordinator's
     * override stays on a finding that is found again (same rule, same sentence).
     *
     * @return the status after the new reading
     */
    @Transactional
    public SubmissionStatus replaceReading(long id, SubmissionDraft draft) {
        record Override(String rule, String message, String by, java.time.OffsetDateTime at, String note) {
        }
        List<Override> overrides = jdbc.sql("""
                select rule, message, overridden_by, overridden_at, override_note from finding
                where submission_id = ? and overridden_by is not null""").param(id)
                .query((rs, n) -> new Override(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class), rs.getString(5))).list();
        var filed = attribution.detach(id);
        jdbc.sql("delete from field_value where document_id in (select id from document where submission_id = ?)").param(id).update();
        jdbc.sql("delete from document where submission_id = ?").param(id).update();
        jdbc.sql("delete from finding where submission_id = ?").param(id).update();
        List<Long> documentIds = insertReading(id, draft);
        if (draft.status().carriesForms()) {
            attribution.reattach(id, draft, documentIds, filed);
        }
        for (Override o : overrides) {
            jdbc.sql("""
                    update finding set overridden_by = ?, overridden_at = ?, override_note = ?
                    where submission_id = ? and rule = ? and message = ?""")
                    .params(o.by(), o.at(), o.note(), id, o.rule(), o.message()).update();
        }
        SubmissionStatus status = draft.status();
        if (status.carriesForms()) {
            status = StoredJudgement.of(jdbc, id); // overrides that still apply count
        }
        jdbc.sql("update submission set status = ?, failure_reason = ?, enterprise_name = coalesce(?, enterprise_name) where id = ?")
                .params(status.name(), truncate(draft.detail(), 4000), truncate(draft.enterpriseName(), 500), id).update();
        return status;
    }

    /** Where a submission's message is archived and when it came in. */
    public Optional<Stored> stored(long id) {
        return jdbc.sql("select archive_path, received_at from submission where id = ?").param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant())).optional();
    }

    /**
     * A stored message.
     *
     * @param archivePath where its raw bytes are
     * @param receivedAt  when it came in
     */
    public record Stored(String archivePath, Instant receivedAt) {
    }

    /** Where every stored submission's message is archived, for reconciling the archive with the store. */
    public java.util.Set<String> archivePaths() {
        return new java.util.HashSet<>(jdbc.sql("select archive_path from submission").query(String.class).list());
    }

    /** The ids of every stored submission, oldest first, for a full re-read. */
    public List<Long> allIds() {
        return jdbc.sql("select id from submission order by id").query(Long.class).list();
    }

    private long insertSubmission(SubmissionDraft d, String enterpriseKey, String threadKey) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into submission (message_id, message_key, content_hash, sender, sender_name, reply_to, subject, thread_refs,
                  sent_at, received_at, size_bytes, archive_path, status, failure_reason, enterprise_key, enterprise_name,
                  thread_key)
                values (:messageId, :messageKey, :hash, :sender, :senderName, :replyTo, :subject, :threadRefs, :sentAt, :receivedAt,
                  :size, :archive, :status, :detail, :enterpriseKey, :enterpriseName, :threadKey)""")
                .param("messageId", truncate(d.messageId(), 2000))
                .param("messageKey", messageKey(d.messageId(), d.contentHash()))
                .param("hash", d.contentHash())
                .param("sender", truncate(d.sender(), 320))
                .param("senderName", truncate(d.senderName(), 500))
                .param("replyTo", truncate(d.replyTo(), 320))
                .param("subject", truncate(d.subject(), 2000))
                .param("threadRefs", truncate(d.threadRefs(), 4000))
                .param("sentAt", utc(d.sentAt()))
                .param("receivedAt", utc(d.receivedAt()))
                .param("size", d.size())
                .param("archive", d.archivePath())
                .param("status", d.status().name())
                .param("detail", truncate(d.detail(), 4000))
                .param("enterpriseKey", enterpriseKey)
                .param("enterpriseName", truncate(d.enterpriseName(), 500))
                .param("threadKey", threadKey)
                .update(key, "id");
        return key.getKey().longValue();
    }

    /**
     * Attachments larger than the reader accepts are not copied into the store: H2 keeps a
     * bytea inline in its page, and a 50 MB one ran a 512 MB heap out of memory and closed the
     * database (bin/resilience hostile). The raw .eml in the archive still holds every byte.
     */
    static final int MAX_STORED_CONTENT = 20 * 1024 * 1024;

    private static byte[] storedContent(byte[] content) {
        return content.length > MAX_STORED_CONTENT ? null : content;
    }

    private long insertDocument(long submissionId, int seq, SubmissionDraft.Document doc) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into document (submission_id, seq, filename, content_type, origin, size_bytes, content, container, annex, unreadable)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(submissionId, seq, truncate(doc.filename(), 1000), truncate(doc.contentType(), 200),
                        truncate(doc.origin(), 1000), doc.content().length, storedContent(doc.content()), doc.container(),
                        doc.annex() == null ? null : doc.annex().name(),
                        doc.unreadable() == null ? null : doc.unreadable().name())
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** Links versions: the normalised enterprise name, else the key this sender used last, else the sender. */
    private String enterpriseKey(SubmissionDraft d) {
        if (d.enterpriseName() != null && !d.enterpriseName().isBlank()) {
            return truncate(normaliseName(d.enterpriseName()), 500);
        }
        String sender = truncate(d.sender(), 320);
        return jdbc.sql("""
                select enterprise_key from submission where sender = ? and enterprise_key is not null order by id desc""")
                .param(sender).query(String.class).optional()
                .orElse(truncate("sender:" + (sender == null ? "" : sender), 500));
    }

    /** The enterprise name with spaces and bracket styles folded, so that small typing differences still link. */
    public static String normaliseName(String name) {
        return name.replaceAll("[\\s\\u3000]", "").replace('（', '(').replace('）', ')').toLowerCase(Locale.ROOT);
    }

    static String messageKey(String messageId, String contentHash) {
        String basis = messageId == null || messageId.isBlank() ? "content:" + contentHash : messageId.strip();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Cuts a text to its column, so that no value a sender writes can make the save fail. */
    private static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        // never leave half a surrogate pair at the end (an emoji in a subject)
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /**
     * The outcome of {@link #save}.
     *
     * @param id      the submission
     * @param created false when the message had been saved before
     */
    public record Saved(long id, boolean created) {
    }

    static OffsetDateTime utc(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
