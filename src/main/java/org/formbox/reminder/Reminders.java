package org.formbox.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.formbox.outbox.Outbox;
import org.formbox.outbox.OutboxMail;
import org.formbox.reply.MailTemplates;
import org.formbox.outbox.MailTransport;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseFiles;
import org.formbox.submission.EnterpriseState;
import org.formbox.system.CallSettings;
import org.formbox.validation.Finding;
import org.formbox.validation.Severity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends reminders (催报) to enterprises whose file is not complete: to the roster contact and the
 * address the enterprise last wrote from, one mail a day at most, never once the file is
 * {@code ACCEPTED}, never to an address a reminder bounced from. The schedule is
 * {@code formbox.reminders.days-before} at {@code formbox.reminders.time} before
 * {@code formbox.call.deadline}, checked by {@code routes/reminder.camel.yaml}; a coordinator can
 * also send them at once, to all or to chosen enterprises. Every "now" comes from the clock bean.
 */
@Component("reminders")
public class Reminders implements OutboxMail {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

    private final EnterpriseFiles files;
    private final JdbcClient jdbc;
    private final MailTransport transport;
    private final MailTemplates templates;
    private final CallSettings call;
    private final Clock clock;
    private final Outbox outbox;
    private final TransactionTemplate transaction;

    Reminders(EnterpriseFiles files, JdbcClient jdbc, MailTransport transport, MailTemplates templates, CallSettings call,
              Clock clock, Outbox outbox, PlatformTransactionManager transactions) {
        this.files = files;
        this.jdbc = jdbc;
        this.transport = transport;
        this.templates = templates;
        this.call = call;
        this.clock = clock;
        this.outbox = outbox;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public Outbox.Kind kind() {
        return Outbox.Kind.REMINDER;
    }

    /**
     * An enterprise left out, and why.
     *
     * @param enterprise its id
     * @param name       its name
     * @param reason     in Chinese
     */
    public record Skipped(long enterprise, String name, String reason) {
    }

    /**
     * The outcome (docs/API.md).
     *
     * @param sent    enterprises reminded: their reminders are in the outbox, one mail to each address
     * @param skipped the enterprises left out
     */
    public record Outcome(int sent, List<Skipped> skipped) {
    }

    /** Whether today (in the call's zone) is a reminder day and its time has come; the route asks every minute. */
    public boolean due() {
        return call.deadline().map(deadline -> {
            ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(call.timeZone());
            if (!now.isBefore(deadline)) {
                return false;
            }
            LocalDate today = now.toLocalDate();
            boolean day = call.reminders().daysBefore().stream()
                    .anyMatch(d -> deadline.toLocalDate().minusDays(d).equals(today));
            return day && !now.toLocalTime().isBefore(call.reminders().time());
        }).orElse(false);
    }

    /** The scheduled run: on a reminder day after its time, reminds every file not complete (once a day each). */
    public int sendScheduled() {
        if (!due()) {
            return 0;
        }
        Outcome outcome = send(null, "schedule");
        if (outcome.sent() > 0) {
            log.info("Reminders sent: {}, skipped: {}", outcome.sent(), outcome.skipped().size());
        }
        return outcome.sent();
    }

    /**
     * Reminds now.
     *
     * @param enterprises the enterprises to remind, or null for every file not complete
     * @param requestedBy the staff user, or {@code schedule}
     */
    public synchronized Outcome send(List<Long> enterprises, String requestedBy) {
        LocalDate today = LocalDate.now(clock.withZone(call.timeZone()));
        Set<String> bounced = new java.util.HashSet<>(jdbc.sql("select address from bounced_address").query(String.class).list());
        int sent = 0;
        List<Skipped> skipped = new ArrayList<>();
        List<EnterpriseFile> all = files.all();
        for (EnterpriseFile f : all) {
            if (enterprises != null && !enterprises.contains(f.id())) {
                continue;
            }
            if (f.state() == EnterpriseState.ACCEPTED) {
                if (enterprises != null) {
                    skipped.add(new Skipped(f.id(), f.name(), "材料已交齐，无需催报"));
                }
                continue;
            }
            if (remindedOn(f.id(), today)) {
                skipped.add(new Skipped(f.id(), f.name(), "今天已发送过催报"));
                continue;
            }
            Set<String> to = new LinkedHashSet<>();
            for (String a : new String[] {f.contactEmail(), f.lastSender()}) {
                String address = a == null ? null : a.strip().toLowerCase(Locale.ROOT);
                if (address != null && address.contains("@") && address.length() <= Outbox.MAX_ADDRESS
                        && !bounced.contains(address)) {
                    to.add(address);
                }
            }
            if (to.isEmpty()) {
                skipped.add(new Skipped(f.id(), f.name(), f.bouncedAddress() != null ? "邮箱曾退信，且没有其他可用邮箱" : "没有联系邮箱"));
                continue;
            }
            queue(f, List.copyOf(to), requestedBy, today);
            sent++;
        }
        if (enterprises != null) {
            for (long id : enterprises) {
                if (all.stream().noneMatch(f -> f.id() == id)) {
                    skipped.add(new Skipped(id, "", "没有这家企业"));
                }
            }
        }
        return new Outcome(sent, skipped);
    }

    private boolean remindedOn(long enterprise, LocalDate day) {
        return jdbc.sql("select count(*) from reminder where enterprise_id = ? and local_day = ? and state in ('PENDING', 'SENT', 'BOUNCED')")
                .params(enterprise, day).query(Long.class).single() > 0;
    }

    /** Queues one mail to each address, with its reminder row, in one transaction. */
    private void queue(EnterpriseFile f, List<String> to, String requestedBy, LocalDate today) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        transaction.executeWithoutResult(status -> {
            for (String recipient : to) {
                String messageId = "<" + ReminderBounces.TOKEN + UUID.randomUUID() + "@" + domain(transport.fromAddress()) + ">";
                var key = new GeneratedKeyHolder();
                jdbc.sql("""
                        insert into reminder (enterprise_id, recipient, local_day, state, requested_by, message_id, created_at)
                        values (?, ?, ?, 'PENDING', ?, ?, ?)""")
                        .params(f.id(), recipient, today, requestedBy, messageId, now).update(key, "id");
                outbox.reminder(key.getKey().longValue(), recipient, messageId, now.toInstant());
            }
        });
    }

    /**
     * Writes and sends a queued reminder, saying what the file lacks when it goes out; a file
     * completed in the meantime, or an address that bounced since, gets none.
     */
    @Override
    public Outbox.Result send(Outbox.Entry entry, Instant at) throws MessagingException, UnsupportedEncodingException {
        record Row(long enterprise, String recipient, String messageId) {
        }
        Row row = jdbc.sql("select enterprise_id, recipient, message_id from reminder where id = ?").param(entry.reminderId())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3))).single();
        EnterpriseFile f = files.file(row.enterprise()).orElse(null);
        String cancelled = f == null ? "企业已不在名单中"
                : f.state() == EnterpriseState.ACCEPTED ? "材料已交齐，无需催报"
                : jdbc.sql("select count(*) from bounced_address where address = ?").param(row.recipient())
                        .query(Long.class).single() > 0 ? "该邮箱曾退信" : null;
        if (cancelled != null) {
            jdbc.sql("update reminder set state = 'CANCELLED', last_error = ? where id = ?").params(cancelled, entry.reminderId())
                    .update();
            return new Outbox.Cancelled(cancelled);
        }
        ReminderContent content = content(f);
        Map<String, Object> vars = Map.of("r", content);
        MimeMessage m = transport.newMessage(row.messageId(), row.recipient(),
                "【催报】" + f.name() + "：" + content.state() + "（截止 " + content.deadline() + "）", at);
        m.setHeader("Auto-Submitted", "auto-generated");
        m.setHeader("X-Auto-Response-Suppress", "All");
        m.setContent(new MimeMultipart(MailTransport.alternative(templates.render("reminder.txt", vars),
                templates.render("reminder.html", vars))));
        transport.send(m);
        // the reminder's time is the service's clock (the one its schedule and its "once a day" follow)
        jdbc.sql("update reminder set state = 'SENT', sent_at = ?, last_error = null where id = ?")
                .params(clock.instant().atOffset(ZoneOffset.UTC), entry.reminderId()).update();
        return MailTransport.sent(m, at);
    }

    ReminderContent content(EnterpriseFile f) {
        List<String> missing = new ArrayList<>();
        List<String> received = new ArrayList<>();
        if (f.annex1() == null) {
            missing.add("附件1（项目实施方案）");
        } else {
            received.add("附件1（" + DAY.withZone(call.timeZone()).format(f.annex1().receivedAt()) + "收到）");
        }
        if (f.annex2() == null) {
            missing.add("附件2（行业重点企业基本情况调查表）");
        } else {
            received.add("附件2（" + DAY.withZone(call.timeZone()).format(f.annex2().receivedAt()) + "收到）");
        }
        List<String> errors = f.findings().stream().filter(x -> x.severity() == Severity.error).map(Finding::message).toList();
        String state = switch (f.state()) {
            case NOT_SUBMITTED -> "尚未收到申报材料";
            case MISSING_ANNEX_1 -> "尚缺附件1";
            case MISSING_ANNEX_2 -> "尚缺附件2";
            case NEEDS_CORRECTION -> "材料需要更正";
            case ACCEPTED -> "材料已交齐";
        };
        String contact = f.contactName();
        return new ReminderContent(f.name(), contact == null || contact.isBlank() ? "您好：" : contact.strip() + "，您好：",
                state, missing, errors, received,
                call.deadline().map(DEADLINE::format).orElse("另行通知"), transport.fromAddress(), call.office().displayName(),
                blank(call.office().phone()) ? null : call.office().phone(), blank(call.office().note()) ? null : call.office().note());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "formbox" : address.substring(at + 1);
    }
}
