package org.formbox.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.formbox.outbox.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversations between the mailbox and the people who write to it: which thread a received
 * mail continues, the mails that wait for a person ({@code NEEDS_ANSWER}), the mails staff write
 * (queued in the outbox like every reply, sent threaded from the collection address) and the whole
 * correspondence of an enterprise in order.
 */
@Service
public class Conversations {

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    private final JdbcClient jdbc;
    private final Outbox outbox;

    public Conversations(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    /**
     * The thread a mail belongs to: the thread of the earliest mail it refers to that the store
     * knows (a received mail or one we sent), else its first reference, else itself.
     */
    String threadKey(String messageId, String threadRefs, String contentHash) {
        Set<String> ids = new LinkedHashSet<>();
        if (threadRefs != null) {
            Matcher m = MESSAGE_ID.matcher(threadRefs);
            while (m.find()) {
                ids.add(m.group());
            }
        }
        if (messageId != null) {
            ids.remove(messageId.strip());
        }
        for (String id : ids) {
            Optional<String> known = jdbc.sql("""
                    select thread_key from submission where message_id = ? and thread_key is not null
                    union all select thread_key from outbox where message_id = ? and thread_key is not null""")
                    .params(id, id).query(String.class).list().stream().findFirst();
            if (known.isPresent()) {
                return known.get();
            }
        }
        String root = !ids.isEmpty() ? ids.iterator().next()
                : messageId != null && !messageId.isBlank() ? messageId.strip() : "content:" + contentHash;
        return sha256(root);
    }

    /** Whether the service already acknowledged a mail that needs a person in this thread. */
    boolean acknowledged(String threadKey) {
        return jdbc.sql("""
                select count(*) from outbox o join submission s on s.id = o.submission_id
                where s.thread_key = ? and s.status = 'NEEDS_ANSWER' and o.kind = 'REPLY' and o.state <> 'SUPPRESSED'""")
                .param(threadKey).query(Long.class).single() > 0;
    }

    /** A mail that waits for a person. */
    public record Waiting(long id, String sender, String senderName, String subject, Instant receivedAt, String preview) {
    }

    /** The mails that need a person and have not been answered, oldest first. */
    public List<Waiting> queue() {
        return jdbc.sql("""
                select id, sender, sender_name, subject, received_at, failure_reason from submission
                where status = 'NEEDS_ANSWER' and answered_at is null order by received_at, id""")
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), preview(rs.getString(6)))).list();
    }

    private static String preview(String text) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    /** Marks a mail as answered (by a mail written here, or outside the service), recording who and when. */
    @Transactional
    public boolean markAnswered(long submissionId, String user, Instant at) {
        return jdbc.sql("update submission set answered_by = ?, answered_at = ? where id = ? and answered_at is null")
                .params(user, utc(at), submissionId).update() > 0;
    }

    /** Who answered a mail, and when; empty while it waits. */
    public Optional<Answered> answered(long submissionId) {
        return jdbc.sql("select answered_by, answered_at from submission where id = ? and answered_at is not null")
                .param(submissionId)
                .query((rs, n) -> new Answered(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** @param by the staff user @param at when */
    public record Answered(String by, Instant at) {
    }

    /**
     * A mail a staff member writes, for the outbox.
     *
     * @param recipient     to whom
     * @param subject       the subject as it will go out
     * @param text          what the staff member wrote
     * @param author        the staff user
     * @param submissionId  the received mail it answers, or null
     * @param enterpriseKey the enterprise it is about, or null
     */
    public record StaffMail(String recipient, String subject, String text, String author, Long submissionId,
                            String enterpriseKey) {
    }

    /**
     * Queues a staff mail, threaded to the mail it answers (or to the enterprise's latest mail), and
     * marks the answered mail as answered. Returns the outbox id.
     */
    @Transactional
    public long queue(StaffMail mail, Instant now) {
        if (mail.text() == null || mail.text().isBlank()) {
            throw new IllegalArgumentException("a staff mail needs a text");
        }
        Long threadTo = mail.submissionId() != null ? mail.submissionId() : latestReceived(mail.enterpriseKey()).orElse(null);
        record Thread(String messageId, String refs, String key) {
        }
        Thread thread = threadTo == null ? new Thread(null, null, null) : jdbc.sql(
                "select message_id, thread_refs, thread_key from submission where id = ?").param(threadTo)
                .query((rs, n) -> new Thread(rs.getString(1), rs.getString(2), rs.getString(3))).single();
        String enterprise = mail.enterpriseKey() != null ? mail.enterpriseKey()
                : threadTo == null ? null : jdbc.sql("select enterprise_key from submission where id = ?").param(threadTo)
                        .query(String.class).optional().orElse(null);
        long id = outbox.staff(new Outbox.StaffAnswer(threadTo, mail.recipient().strip(), enterprise, mail.author(),
                mail.text().strip(), mail.subject(), thread.key(), thread.messageId(), thread.refs()), now);
        if (mail.submissionId() != null) {
            markAnswered(mail.submissionId(), mail.author(), now);
        }
        return id;
    }

    /** Where an answer to a received mail goes: its Reply-To, else its sender. */
    public Optional<String> replyAddress(long submissionId) {
        return jdbc.sql("select coalesce(reply_to, sender) from submission where id = ?").param(submissionId)
                .query(String.class).optional().filter(a -> !a.isBlank());
    }

    /** The address an enterprise's mail goes to: the reply address of its newest received mail. */
    public Optional<String> addressOf(String enterpriseKey) {
        return latestReceived(enterpriseKey).flatMap(this::replyAddress);
    }

    /** The enterprise's newest received mail with a Message-ID, to thread a new staff mail to. */
    private Optional<Long> latestReceived(String enterpriseKey) {
        if (enterpriseKey == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select id from submission where message_id is not null and (enterprise_key = ? or lower(sender) in (
                  select lower(sender) from submission where enterprise_key = ?)) order by received_at desc, id desc""")
                .params(enterpriseKey, enterpriseKey).query(Long.class).list().stream().findFirst();
    }

    /**
     * One mail of a correspondence.
     *
     * @param at           when it was received, or sent (queued while not yet sent)
     * @param direction    {@code IN} or {@code OUT}
     * @param kind         {@code RECEIVED}, {@code REPLY} (automatic) or {@code STAFF}
     * @param party        the sender of a received mail, the recipient of a sent one
     * @param subject      its subject
     * @param text         what it said, when known
     * @param author       the staff member who wrote it, for {@code STAFF}
     * @param state        for sent mail: {@code PENDING}, {@code SENT} or {@code SUPPRESSED}
     * @param submissionId the received mail it belongs to, or null
     * @param status       the status of that received mail
     */
    public record Letter(Instant at, String direction, String kind, String party, String subject, String text,
                         String author, String state, Long submissionId, String status) {
    }

    /** Everything received from and sent to an enterprise (its mails and its senders' other mails), oldest first. */
    public List<Letter> correspondence(String enterpriseKey) {
        List<Long> ids = jdbc.sql("""
                select id from submission where enterprise_key = ? or lower(sender) in (
                  select lower(sender) from submission where enterprise_key = ?)""")
                .params(enterpriseKey, enterpriseKey).query(Long.class).list();
        List<Letter> letters = new ArrayList<>();
        for (Long id : ids) {
            letters.addAll(jdbc.sql("""
                    select received_at, sender, subject, status from submission where id = ?""").param(id)
                    .query((rs, n) -> new Letter(rs.getObject(1, OffsetDateTime.class).toInstant(), "IN", "RECEIVED",
                            rs.getString(2), rs.getString(3), null, null, null, id, rs.getString(4))).list());
        }
        letters.addAll(jdbc.sql("""
                select o.created_at, o.sent_at, o.kind, o.recipient, o.subject, coalesce(o.body_text, o.staff_text), o.author,
                  o.state, o.submission_id, s.status from outbox o left join submission s on s.id = o.submission_id
                where o.enterprise_key = ? or o.submission_id in (
                  select id from submission where enterprise_key = ? or lower(sender) in (
                    select lower(sender) from submission where enterprise_key = ?))""")
                .params(enterpriseKey, enterpriseKey, enterpriseKey)
                .query((rs, n) -> {
                    OffsetDateTime sent = rs.getObject(2, OffsetDateTime.class);
                    return new Letter((sent != null ? sent : rs.getObject(1, OffsetDateTime.class)).toInstant(), "OUT",
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), (Long) rs.getObject(9, Long.class), rs.getString(10));
                }).list());
        letters.sort(Comparator.comparing(Letter::at).thenComparing(l -> l.direction().equals("IN") ? 0 : 1));
        return letters;
    }

    /** The mails that went out for one received mail (its automatic reply, staff answers), oldest first. */
    public List<Letter> sentFor(long submissionId) {
        return jdbc.sql("""
                select created_at, sent_at, kind, recipient, subject, coalesce(body_text, staff_text), author, state
                from outbox where submission_id = ? order by id""").param(submissionId)
                .query((rs, n) -> {
                    OffsetDateTime sent = rs.getObject(2, OffsetDateTime.class);
                    return new Letter((sent != null ? sent : rs.getObject(1, OffsetDateTime.class)).toInstant(), "OUT",
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), submissionId, null);
                }).list();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
