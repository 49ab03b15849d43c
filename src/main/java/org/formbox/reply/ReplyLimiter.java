package org.formbox.reply;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps one sender from being flooded: at most {@code formbox.reply.max-per-sender} replies to an
 * address within {@code formbox.reply.window}. Past that, submissions are still stored and shown
 * to staff, but no further reply goes out.
 */
@Component
public class ReplyLimiter {

    private final JdbcClient jdbc;
    private final int maxPerSender;
    private final Duration window;

    public ReplyLimiter(JdbcClient jdbc, @Value("${formbox.reply.max-per-sender:10}") int maxPerSender,
                        @Value("${formbox.reply.window:PT1H}") Duration window) {
        this.jdbc = jdbc;
        this.maxPerSender = maxPerSender;
        this.window = window;
    }

    /** Why a reply to this address must not go out now, or empty. */
    public Optional<String> refuse(String recipient, Instant now) {
        long recent = jdbc.sql("""
                select count(*) from outbox where kind = 'REPLY' and lower(recipient) = ? and state <> 'SUPPRESSED'
                and created_at > ?""")
                .params(recipient.toLowerCase(), now.minus(window).atOffset(ZoneOffset.UTC)).query(Long.class).single();
        return recent >= maxPerSender
                ? Optional.of("rate limit: " + maxPerSender + " replies per " + window.toMinutes() + " minutes")
                : Optional.empty();
    }
}
