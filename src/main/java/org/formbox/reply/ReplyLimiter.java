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
 *
 * <p>The count of all replies within the hour is asked for every mail, and counting every reply of
 * the last hour grew with the deadline morning's backlog (the benchmark's profile found it at 7 % of
 * the service's time at 2,000 mails). It is therefore counted in the store at most every
 * {@link #RECOUNT} (of the clock, and of the moments asked about), and between two counts the replies this limiter let through since are added
 * ({@link #refuseAndCount}). Only the instance that holds the mailbox queues replies to incoming
 * mail, so the figure is never below the true one; it can only be above it, by what was let
 * through and then not queued, for at most {@link #RECOUNT}.
 */
@Component
public class ReplyLimiter {

    private final JdbcClient jdbc;
    private final int maxPerSender;
    private final Duration window;
    private final int maxPerHour;

    /** How long a count of the hour's replies is used before the store is asked again. */
    static final Duration RECOUNT = Duration.ofSeconds(2);

    private final Object counting = new Object();
    private Instant countedFor;
    private long countedAtNanos;
    private long counted;
    private long letThroughSince;

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
        return refuse(recipient, now, false);
    }

    /**
     * As {@link #refuse}, asked just before the reply is queued: when the reply may go out, it is
     * counted in the hour's figure until the store is counted again.
     */
    public Optional<String> refuseAndCount(String recipient, Instant now) {
        return refuse(recipient, now, true);
    }

    private Optional<String> refuse(String recipient, Instant now, boolean count) {
        String address = MailboxAddress.normalise(recipient).orElse(recipient.strip().toLowerCase(java.util.Locale.ROOT));
        long recent = jdbc.sql("""
                select count(*) from outbox where kind = 'REPLY' and recipient = ? and state <> 'SUPPRESSED'
                and created_at > ?""")
                .params(address, now.minus(window).atOffset(ZoneOffset.UTC)).query(Long.class).single();
        if (recent >= maxPerSender) {
            return Optional.of("rate limit: " + maxPerSender + " replies per " + window.toMinutes() + " minutes");
        }
        synchronized (counting) {
            if (lastHour(now) >= maxPerHour) {
                return Optional.of("global limit: " + maxPerHour + " replies per hour; held for staff to answer");
            }
            if (count) {
                letThroughSince++;
            }
            return Optional.empty();
        }
    }

    /** Replies within the hour before {@code now}: counted in the store, or that count and those let through since. */
    private long lastHour(Instant now) {
        boolean stale = countedFor == null || now.isBefore(countedFor) || now.isAfter(countedFor.plus(RECOUNT))
                || System.nanoTime() - countedAtNanos > RECOUNT.toNanos();
        if (stale) {
            counted = jdbc.sql("""
                    select count(*) from outbox where kind = 'REPLY' and state <> 'SUPPRESSED' and created_at > ?""")
                    .param(now.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC)).query(Long.class).single();
            countedFor = now;
            countedAtNanos = System.nanoTime();
            letThroughSince = 0;
        }
        return counted + letThroughSince;
    }
}
