package org.formbox.intake;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the intake remembers about the messages in the mailbox that went wrong: how often each was
 * tried and when it may be tried again. A message that failed, or whose move out of the inbox did
 * not happen, waits {@code retryDelay}, then twice that, up to {@code maxRetryDelay}: a message
 * the service cannot finish never turns into a retry loop, and the mail behind it goes on.
 *
 * <p>Kept in memory: after a restart every message gets its attempts again, which the store's
 * duplicate detection makes harmless.
 */
final class MessageAttempts {

    /** Above this many remembered messages the oldest entries are dropped (moved mail never comes back). */
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
    private final Duration delay;
    private final Duration maxDelay;
    private final Clock clock;

    MessageAttempts(Duration delay, Duration maxDelay, Clock clock) {
        this.delay = delay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    /** One message's history: failures and moves asked for, and when it may be tried again. */
    record Attempt(int failures, int moves, Instant notBefore, Instant since) {
    }

    /** Whether the message may be taken now. */
    boolean due(String key) {
        Attempt a = attempts.get(key);
        return a == null || !clock.instant().isBefore(a.notBefore());
    }

    /** Whether anything is remembered at all (when not, the mailbox need not be asked for UIDs). */
    boolean isEmpty() {
        return attempts.isEmpty();
    }

    /** Records a failure; returns how many times the message has failed now. */
    int failed(String key) {
        return attempts.compute(key, (k, a) -> {
            int failures = a == null ? 1 : a.failures() + 1;
            int moves = a == null ? 0 : a.moves();
            return new Attempt(failures, moves, clock.instant().plus(backOff(failures + moves)),
                    a == null ? clock.instant() : a.since());
        }).failures();
    }

    /**
     * Records that the consumer was asked to move the message out. When it is seen again, the move
     * did not happen (a moved message is flagged deleted and never listed again): it waits first.
     *
     * @return how many moves were asked for, this one included
     */
    int moveRequested(String key) {
        prune();
        return attempts.compute(key, (k, a) -> {
            int moves = a == null ? 1 : a.moves() + 1;
            int failures = a == null ? 0 : a.failures();
            return new Attempt(failures, moves, clock.instant().plus(backOff(failures + moves)),
                    a == null ? clock.instant() : a.since());
        }).moves();
    }

    /** When the message may be tried next, or null when it is due now. */
    Instant notBefore(String key) {
        Attempt a = attempts.get(key);
        return a == null ? null : a.notBefore();
    }

    /** How often the message failed so far. */
    int failures(String key) {
        Attempt a = attempts.get(key);
        return a == null ? 0 : a.failures();
    }

    /** How often a move was asked for so far. */
    int moves(String key) {
        Attempt a = attempts.get(key);
        return a == null ? 0 : a.moves();
    }

    Duration backOff(int attemptsSoFar) {
        if (attemptsSoFar <= 0) {
            return Duration.ZERO;
        }
        Duration d = delay.multipliedBy(1L << Math.min(attemptsSoFar - 1, 20));
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }

    private void prune() {
        if (attempts.size() < MAX_REMEMBERED) {
            return;
        }
        attempts.entrySet().stream().sorted(Map.Entry.comparingByValue(
                        java.util.Comparator.comparing(Attempt::since))).limit(MAX_REMEMBERED / 10)
                .map(Map.Entry::getKey).toList().forEach(attempts::remove);
    }

    /**
     * The key of a message in the polled folder: its IMAP UID with the folder's UIDVALIDITY, which
     * stay the same for as long as the message is there; the Message-ID where there is no UID.
     */
    static String key(Message message) throws MessagingException {
        Folder folder = message.getFolder();
        if (folder instanceof UIDFolder uids) {
            return key(uids.getUIDValidity(), uids.getUID(message));
        }
        String[] id = message.getHeader("Message-ID");
        return id == null || id.length == 0 ? "number:" + message.getMessageNumber() : "id:" + id[0];
    }

    /** The key of the message with this UID in a folder of this UIDVALIDITY. */
    static String key(long uidValidity, long uid) {
        return uidValidity + ":" + uid;
    }
}
