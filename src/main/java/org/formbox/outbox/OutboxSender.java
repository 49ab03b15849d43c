package org.formbox.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.formbox.outbox.MailTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the mails waiting in the {@link Outbox}, on {@code routes/reply.camel.yaml}'s timer. A
 * round's rows are claimed first, in one statement (so no two instances send one; the claim is
 * extended while the round lasts), each handed to the {@link OutboxMail} of its kind, marked sent
 * (each in its own statement) once the server took it, and retried with growing pauses (5 s, 10 s … up to
 * 10 minutes) while the server refuses it. Only a crash between the server's acceptance and the
 * mark can repeat a mail.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    private static final int ROUND = 50;

    private final Outbox outbox;
    private final MailTransport transport;
    private final Map<Outbox.Kind, OutboxMail> mails = new EnumMap<>(Outbox.Kind.class);

    OutboxSender(Outbox outbox, MailTransport transport, List<OutboxMail> mails) {
        this.outbox = outbox;
        this.transport = transport;
        for (OutboxMail mail : mails) {
            if (this.mails.put(mail.kind(), mail) != null) {
                throw new IllegalStateException("two senders of outbox mail of kind " + mail.kind());
            }
        }
    }

    /** Sends every mail that is due; never throws, so the route keeps its schedule. Returns how many went out. */
    public int sendDue() {
        List<Outbox.Entry> due = outbox.due(mails.keySet(), Instant.now(), ROUND);
        if (due.isEmpty()) {
            return 0;
        }
        try (MailTransport.Batch batch = transport.batch()) { // one SMTP connection for the round
            return send(due);
        }
    }

    private int send(List<Outbox.Entry> due) {
        // the round's rows claimed in one statement; those another instance holds are left to it
        OutboxClaims.Round round = outbox.claim(due.stream().map(Outbox.Entry::id).toList());
        int sent = 0;
        try {
            for (Outbox.Entry entry : due) {
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
        } finally {
            round.release(); // what the round did not get to goes back at once, not when the claim runs out
        }
        return sent;
    }

    /** How many mails wait to be sent. */
    public long backlog() {
        return outbox.backlog();
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
