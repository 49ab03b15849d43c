package org.formbox.reply;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one sender from being flooded and the collection mailbox from flooding the world: at most
 * {@code formbox.reply.max-per-sender} replies to one address within {@code formbox.reply.window},
 * the address counted in its one normalised spelling ({@link MailboxAddress}), and at most
 * {@code formbox.reply.max-per-hour} replies in all within any hour. Past either, submissions are
 * still stored and shown to staff with the reason, but no further reply goes out.
 */
@Component
public class ReplyLimiter {

    private final JdbcClient jdbc;
    private final int maxPerSender;
    private final Duration window;
    private final int maxPerHour;

    @org.springframework.beans.factory.annotation.Autowired
    public ReplyLimiter(JdbcClient jdbc, ReplySettings settings) {
        this(jdbc, settings.maxPerSender(), settings.window(), settings.maxPerHour());
    }

    public ReplyLimiter(JdbcClient jdbc, int maxPerSender, Duration window, int maxPerHour) {
        this.jdbc = jdbc;
        this.maxPerSender = maxPerSender;
        this.window = window;
        this.maxPerHour = maxPerHour;
    }

    /** Why a reply to this address must not go out now, or empty. */
    public Optional<String> refuse(String recipient, Instant now) {
        String address = MailboxAddress.normalise(recipient).orElse(recipient.strip().toLowerCase(java.util.Locale.ROOT));
        long recent = jdbc.sql("""
                select count(*) from outbox where kind = 'REPLY' and recipient = ? and state <> 'SUPPRESSED'
                and created_at > ?""")
                .params(address, now.minus(window).atOffset(ZoneOffset.UTC)).query(Long.class).single();
        if (recent >= maxPerSender) {
            return Optional.of("rate limit: " + maxPerSender + " replies per " + window.toMinutes() + " minutes");
        }
        long lastHour = jdbc.sql("""
                select count(*) from outbox where kind = 'REPLY' and state <> 'SUPPRESSED' and created_at > ?""")
                .param(now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)).query(Long.class).single();
        return lastHour >= maxPerHour
                ? Optional.of("global limit: " + maxPerHour + " replies per hour; held for staff to answer")
                : Optional.empty();
    }
}
