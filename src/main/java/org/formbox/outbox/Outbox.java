package org.formbox.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The outbox: queues every mail the service sends and keeps its state. A mail is queued in the
 * caller's transaction, so it exists exactly when what caused it does; {@link OutboxSender} sends it
 * after the commit. Columns are cut to their sizes here, so no caller can overflow one.
 */
@Component
public class Outbox {

    /** The kinds of mail. */
    public enum Kind {
        /** The automatic reply to a received mail. */
        REPLY,
        /** A staff member's answer, threaded to the mail it answers. */
        STAFF,
        /** A reminder (催报) to an enterprise whose file is not complete. */
        REMINDER,
        /** The coordinator's digest. */
        DIGEST
    }

    /** The longest address a mail server accepts in a path (RFC 5321: 256 with the angle brackets). */
    public static final int MAX_ADDRESS = 254;
    /** The recipient column. */
    private static final int RECIPIENT = 320;

    /**
     * A row due to be sent.
     *
     * @param id           the row
     * @param kind         what it is
     * @param submissionId the received mail it answers, or null
     * @param reminderId   the reminder it carries, or null
     * @param recipient    the one address it goes to
     * @param attempts     tries so far
     * @param createdAt    when it was queued
     * @param digestSince  for a digest, the end of the previous one (null for the first); else null
     */
    public record Entry(long id, Kind kind, Long submissionId, Long reminderId, String recipient, int attempts,
                        OffsetDateTime createdAt, OffsetDateTime digestSince) {
    }

    /** What a {@link OutboxMail} made of a row. */
    public sealed interface Result permits Sent, Cancelled {
    }

    /**
     * A mail that went out: what the store keeps of it.
     *
     * @param subject   its subject
     * @param text      its plain text
     * @param messageId its Message-ID
     * @param sentAt    when
     */
    public record Sent(String subject, String text, String messageId, Instant sentAt) implements Result {
    }

    /**
     * A mail that must not go out anymore (a reminder to a file completed since it was queued).
     *
     * @param because why, for staff
     */
    public record Cancelled(String because) implements Result {
    }

    /**
     * A staff member's answer.
     *
     * @param submissionId  the received mail it answers, or null
     * @param recipient     to whom
     * @param enterpriseKey the enterprise it concerns, or null
     * @param author        the staff user
     * @param text          what they wrote
     * @param subject       the subject
     * @param threadKey     the conversation, or null
     * @param inReplyTo     the Message-ID answered, or null
     * @param references    the References of the thread, or null
     */
    public record StaffAnswer(Long submissionId, String recipient, String enterpriseKey, String author, String text,
                              String subject, String threadKey, String inReplyTo, String references) {
    }

    private final JdbcClient jdbc;
    private final OutboxClaims claims;

    Outbox(JdbcClient jdbc, OutboxClaims claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    /**
     * Queues the automatic reply to a received mail, or records why none goes out.
     *
     * @param suppressedBecause why no reply is sent, or null to send it
     * @return the row
     */
    public long reply(long submissionId, String recipient, String suppressedBecause, Instant at, String threadKey) {
        String suppressed = suppressedBecause;
        if (suppressed == null && recipient != null && recipient.length() > MAX_ADDRESS) {
            suppressed = "reply address longer than " + MAX_ADDRESS + " characters"; // recorded, never sent
        }
        OffsetDateTime now = utc(at);
        return insert("""
                insert into outbox (submission_id, kind, recipient, state, suppressed_because, attempts, next_attempt_at,
                  created_at, thread_key)
                values (?, 'REPLY', ?, ?, ?, 0, ?, ?, ?)""",
                submissionId, cut(recipient, RECIPIENT), suppressed == null ? "PENDING" : "SUPPRESSED", cut(suppressed, 200),
                now, now, cut(threadKey, 64));
    }

    /** Queues a staff member's answer; returns the row. */
    public long staff(StaffAnswer mail, Instant at) {
        OffsetDateTime now = utc(at);
        return insert("""
                insert into outbox (submission_id, kind, recipient, state, attempts, next_attempt_at, created_at, enterprise_key,
                  author, staff_text, subject, thread_key, in_reply_to, thread_refs)
                values (?, 'STAFF', ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                mail.submissionId(), cut(mail.recipient(), RECIPIENT), now, now, cut(mail.enterpriseKey(), 500),
                cut(mail.author(), 100), cut(mail.text(), 20000), cut(mail.subject(), 2000), cut(mail.threadKey(), 64),
                cut(mail.inReplyTo(), 2000), cut(mail.references(), 4000));
    }

    /** Queues the mail of a reminder to one address, due at once; {@code at} is when it was asked for. Returns the row. */
    public long reminder(long reminderId, String recipient, String messageId, Instant at) {
        return insert("""
                insert into outbox (reminder_id, kind, recipient, state, attempts, next_attempt_at, created_at, message_id)
                values (?, 'REMINDER', ?, 'PENDING', 0, ?, ?, ?)""",
                reminderId, cut(recipient, RECIPIENT), utc(Instant.now()), utc(at), cut(messageId, 500));
    }

    /**
     * Queues the coordinator's digest of what came in from {@code since} (exclusive; null for
     * everything) to {@code at}, to one address, due at once. Returns the row.
     */
    public long digest(String recipient, Instant since, Instant at, String requestedBy) {
        return insert("""
                insert into outbox (kind, recipient, state, attempts, next_attempt_at, created_at, digest_since, author)
                values ('DIGEST', ?, 'PENDING', 0, ?, ?, ?, ?)""",
                cut(recipient, RECIPIENT), utc(Instant.now()), utc(at), since == null ? null : utc(since),
                cut(requestedBy, 100));
    }

    /** The rows of these kinds due now and not claimed by a live claim, oldest first. */
    public List<Entry> due(Collection<Kind> kinds, Instant at, int limit) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = utc(at);
        String in = String.join(", ", kinds.stream().map(k -> "'" + k.name() + "'").toList());
        return jdbc.sql("""
                select id, kind, submission_id, reminder_id, recipient, attempts, created_at, digest_since from outbox
                where state = 'PENDING' and kind in (%s) and next_attempt_at <= ?
                and (claimed_until is null or claimed_until < ?) order by id limit ?""".formatted(in))
                .params(now, now, limit)
                .query((rs, n) -> new Entry(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /** Claims a due row for this instance; false when another instance has it or it is done. */
    public boolean claim(long id) {
        return claims.claim(id);
    }

    /** Claims, in one statement, those of these rows that no other instance has and are not done. */
    public OutboxClaims.Round claim(Collection<Long> ids) {
        return claims.claim(ids);
    }

    /** Marks a row sent, keeping what went out. */
    public void sent(Entry entry, Sent mail) {
        jdbc.sql("""
                update outbox set state = 'SENT', sent_at = ?, attempts = ?, last_error = null, claimed_until = null,
                  subject = ?, body_text = ?, message_id = ? where id = ?""")
                .params(utc(mail.sentAt()), entry.attempts() + 1, cut(mail.subject(), 2000), cut(mail.text(), 100000),
                        cut(mail.messageId(), 500), entry.id()).update();
    }

    /** Marks a row as not to be sent, and why. */
    public void cancel(Entry entry, String because) {
        jdbc.sql("update outbox set state = 'SUPPRESSED', suppressed_because = ?, claimed_until = null where id = ?")
                .params(cut(because, 200), entry.id()).update();
    }

    /** Counts a failed try and sets the next one. */
    public void retry(Entry entry, Duration pause, String error) {
        jdbc.sql("update outbox set attempts = ?, next_attempt_at = ?, last_error = ?, claimed_until = null where id = ?")
                .params(entry.attempts() + 1, OffsetDateTime.now(ZoneOffset.UTC).plus(pause), cut(error, 4000), entry.id())
                .update();
    }

    /** How many mails wait to be sent. */
    public long backlog() {
        return jdbc.sql("select count(*) from outbox where state = 'PENDING'").query(Long.class).single();
    }

    private long insert(String sql, Object... params) {
        var key = new GeneratedKeyHolder();
        jdbc.sql(sql).params(params).update(key, "id");
        return key.getKey().longValue();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
