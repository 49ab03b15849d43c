package org.formbox.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the mails waiting in the {@link Outbox}, on {@code routes/reply.camel.yaml}'s timer. A
 * round's rows are claimed first, in one statement (so no two instances send one; the claim is
 * extended while the round lasts), each handed to the {@link OutboxMail} of its kind, marked sent
 * (each in its own statement) once the server took it, and retried with growing pauses (5 s, 10 s … up to
 * 10 minutes) while the server refuses it. Only a crash between the server's acceptance and the
 * mark can repeat a mail.
 *
 * <p>A round of many mails is sent in lanes side by side ({@code formbox.reply.senders}, default one
 * per processor, at least two), each lane over its own SMTP connection, the oldest mails first in
 * each: one lane alone answered a deadline morning's backlog more slowly than the intake saved it
 * (docs/benchmark.md, "The outbox in lanes"). A lane takes at least {@value #PER_LANE} mails, so a
 * round of a few goes over one connection on the timer's thread.
 */
@Component
public class OutboxSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** Mails a lane sends in one round. */
    private static final int ROUND = 50;
    /** The fewest mails a lane of its own is opened for. */
    static final int PER_LANE = 8;

    private final Outbox outbox;
    private final MailTransport transport;
    private final Map<Outbox.Kind, OutboxMail> mails = new EnumMap<>(Outbox.Kind.class);
    private final int lanes;
    private final ExecutorService senders;

    @Autowired
    OutboxSender(Outbox outbox, MailTransport transport, List<OutboxMail> mails,
                 @Value("${formbox.reply.senders:0}") int senders) {
        this.outbox = outbox;
        this.transport = transport;
        this.lanes = senders > 0 ? senders : Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        this.senders = lanes == 1 ? null : Executors.newFixedThreadPool(lanes, r -> {
            Thread t = new Thread(r, "formbox-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (OutboxMail mail : mails) {
            if (this.mails.put(mail.kind(), mail) != null) {
                throw new IllegalStateException("two senders of outbox mail of kind " + mail.kind());
            }
        }
    }

    /** Sends every mail that is due; never throws, so the route keeps its schedule. Returns how many went out. */
    public int sendDue() {
        List<Outbox.Entry> due = outbox.due(mails.keySet(), Instant.now(), ROUND * lanes);
        if (due.isEmpty()) {
            return 0;
        }
        // the round's rows claimed in one statement; those another instance holds are left to it
        OutboxClaims.Round round = outbox.claim(due.stream().map(Outbox.Entry::id).toList());
        try {
            List<Outbox.Entry> held = due.stream().filter(e -> round.holds(e.id())).toList();
            int k = Math.min(lanes, Math.max(1, held.size() / PER_LANE));
            if (k == 1) {
                return lane(held, round);
            }
            List<List<Outbox.Entry>> parts = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                parts.add(new ArrayList<>());
            }
            for (int i = 0; i < held.size(); i++) {
                parts.get(i % k).add(held.get(i)); // every lane starts with the oldest it has
            }
            List<Future<Integer>> running = new ArrayList<>();
            for (List<Outbox.Entry> part : parts) {
                running.add(senders.submit(() -> lane(part, round)));
            }
            // every lane is waited for, even when this thread is interrupted: a row given back while its
            // lane still sends it could be sent by another instance too
            int sent = 0;
            boolean interrupted = false;
            for (Future<Integer> lane : running) {
                while (true) {
                    try {
                        sent += lane.get();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        log.warn("A lane of the outbox stopped: {}", e.getCause().toString()); // its rows go back below
                        break;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return sent;
        } finally {
            round.release(); // what the round did not get to goes back at once, not when the claim runs out
        }
    }

    /** Sends these mails of the round, oldest first, over one SMTP connection. */
    private int lane(List<Outbox.Entry> entries, OutboxClaims.Round round) {
        int sent = 0;
        try (MailTransport.Batch batch = transport.batch()) {
            for (Outbox.Entry entry : entries) {
                round.keep(); // the claim is extended before it runs short, so each mail starts well inside it
                if (!round.holds(entry.id())) {
                    continue; // another instance is sending it
                }
                try {
                    Outbox.Result result = mails.get(entry.kind()).send(entry, Instant.now());
                    if (result instanceof Outbox.Sent mail) {
                        outbox.sent(entry, mail); // each mail its own mark: a crash repeats at most the one in flight
                        sent++;
                    } else if (result instanceof Outbox.Cancelled cancelled) {
                        outbox.cancel(entry, cancelled.because());
                        log.info("Mail {} to {} not sent: {}", entry.id(), entry.recipient(), cancelled.because());
                    }
                    round.done(entry.id());
                } catch (Exception e) {
                    Duration pause = backoff(entry.attempts() + 1);
                    log.warn("Mail {} to {} not sent (attempt {}), next try in {}s: {}", entry.id(), entry.recipient(),
                            entry.attempts() + 1, pause.toSeconds(), e.toString());
                    outbox.retry(entry, pause, e.toString());
                    round.done(entry.id());
                    if (isConnectionFailure(e)) {
                        break; // the server is down: the rest would fail the same way
                    }
                }
            }
        }
        return sent;
    }

    /** How many mails wait to be sent. */
    public long backlog() {
        return outbox.backlog();
    }

    /** Stops the lanes (the outbox route has stopped by then: no round is running). */
    @Override
    public void close() {
        if (senders != null) {
            senders.shutdownNow();
        }
    }

    static Duration backoff(int attempts) {
        long seconds = 5L << Math.min(attempts - 1, 10);
        return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
    }

    private static boolean isConnectionFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException
                    || t instanceof jakarta.mail.MessagingException me && me.getMessage() != null
                    && me.getMessage().startsWith("Couldn't connect")) {
                return true;
            }
        }
        return false;
    }
}
