package org.formbox.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.springframework.transaction.support.TransactionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the intake route does on each poll: take batches of the inbox while there are due messages,
 * each in this order, so that a message leaves the inbox only after its own commit.
 * <ol>
 * <li>list the start of the inbox (UID and RFC822.SIZE, window by window) and choose the next due ones, up to
 *     {@code formbox.intake.batch.size} messages and {@code .bytes};</li>
 * <li>fetch their bodies in one command;</li>
 * <li>archive and read them side by side, one per core ({@link MailIntake#prepare});</li>
 * <li>save them in the inbox's order while the others are still being read: the messages read by
 *     then together in one transaction, each on its own should that fail ({@link MailIntake#commitAll}:
 *     bounded attempts, {@code FAILED} after the last);</li>
 * <li>move the saved ones out together, one MOVE per target folder.</li>
 * </ol>
 * A crash anywhere loses nothing (a message still in the inbox is taken again) and doubles nothing
 * (the store recognises a message saved before). A message larger than the batch is fetched on its
 * own at its turn ({@link MailIntake#take}), one over {@code formbox.intake.max-message-size} streamed
 * to the archive, never into memory (its RFC822.SIZE decides before any byte of it is fetched); one
 * too complex for the server to copy is put in its folder wrapped.
 */
public class BatchIntake implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BatchIntake.class);

    private final MailIntake intake;
    private final Inbox inbox;
    private final BatchSettings settings;
    private final ExecutorService readers;
    private final TransactionOperations transaction;
    private boolean unreachable;

    BatchIntake(MailIntake intake, Inbox inbox, BatchSettings settings, TransactionOperations transaction) {
        this.transaction = transaction;
        this.intake = intake;
        this.inbox = inbox;
        this.settings = settings;
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "formbox-intake-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * What one poll did.
     *
     * @param outcomes the messages saved (or recognised), in the inbox's order
     * @param failed   the messages that failed and stay in the inbox to be tried again after a back-off
     * @param moved    the messages moved out of the inbox
     */
    public record Batch(List<MailIntake.Outcome> outcomes, int failed, int moved) {

        /** Whether the poll took anything, so that the next batch is taken at once. */
        public boolean tookAny() {
            return !outcomes.isEmpty() || failed > 0;
        }
    }

    /**
     * Takes batch after batch while there are due messages, for at most {@link #DRAIN}: a backlog
     * drains without the poll delay between batches, and a poller stopped (the lease lost) finishes
     * within a batch of that. A timer feeds the route: a {@code scheduler:} consumer stopped and
     * started again by the leadership never polled again.
     */
    public Batch poll(Exchange exchange) throws Exception {
        long until = System.nanoTime() + DRAIN.toNanos();
        Batch all = poll();
        while (all.tookAny() && System.nanoTime() < until) {
            Batch next = poll();
            if (!next.tookAny()) {
                break;
            }
            List<MailIntake.Outcome> outcomes = new ArrayList<>(all.outcomes());
            outcomes.addAll(next.outcomes());
            all = new Batch(outcomes, all.failed() + next.failed(), all.moved() + next.moved());
        }
        return all;
    }

    /** How long one poll of the route goes on taking batches. */
    static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(10);

    Batch poll() throws Exception {
        try {
            return takeBatch();
        } finally {
            inbox.release();
        }
    }

    private Batch takeBatch() throws Exception {
        long start = System.nanoTime();
        List<Inbox.Listed> chosen;
        Map<Long, byte[]> bodies;
        long fetched;
        try {
            chosen = chooseFromStart();
            bodies = inbox.bodies(chosen.stream().filter(this::fetchedWithOthers).toList());
            fetched = System.nanoTime();
            if (unreachable) {
                log.info("Mailbox reachable again");
                unreachable = false;
            }
        } catch (MessagingException | RuntimeException e) {
            inbox.close();
            if (!unreachable) {
                log.warn("Mailbox not reachable: {}; trying again at the next poll", e.toString());
            }
            unreachable = true;
            return new Batch(List.of(), 0, 0);
        }
        List<Future<MailIntake.Prepared>> prepared = new ArrayList<>();
        for (Inbox.Listed m : chosen) {
            byte[] body = bodies.get(m.uid());
            prepared.add(body == null ? null : readers.submit(() -> intake.prepare(m.key(), body)));
        }
        List<MailIntake.Outcome> outcomes = new ArrayList<>();
        Map<String, List<Inbox.Listed>> moves = new LinkedHashMap<>();
        List<Message> wrapped = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < chosen.size(); ) {
            Inbox.Listed m = chosen.get(i);
            if (prepared.get(i) == null) {
                try {
                    record(intake.take(m.message(), m.key()), m, moves, wrapped, outcomes);
                } catch (Exception e) {
                    failed++; // stays in the inbox and waits out its back-off (MailIntake logged it)
                }
                i++;
                continue;
            }
            // this message and those after it that are read already: saved in one transaction
            List<MailIntake.Prepared> group = new ArrayList<>();
            group.add(await(m, prepared.get(i)));
            int next = i + 1;
            // up to settings.group() of the next ones as they are read (for a bounded time), then those read already
            long waitUntil = System.nanoTime() + settings.groupWait().toNanos();
            while (next < chosen.size() && prepared.get(next) != null
                    && (prepared.get(next).isDone() || group.size() < settings.group() && readWithin(prepared.get(next), waitUntil))) {
                group.add(await(chosen.get(next), prepared.get(next)));
                next++;
            }
            List<MailIntake.Taken> taken = intake.commitAll(group, transaction);
            for (int k = 0; k < group.size(); k++) {
                MailIntake.Taken t = taken.get(k) == null ? null : wrapIfNeeded(chosen.get(i + k), group.get(k), taken.get(k));
                if (t == null) {
                    failed++; // stays in the inbox and waits out its back-off (MailIntake logged it)
                } else {
                    record(t, chosen.get(i + k), moves, wrapped, outcomes);
                }
            }
            i = next;
        }
        long saved = System.nanoTime();
        Batch batch = new Batch(outcomes, failed, move(moves, wrapped));
        if (!chosen.isEmpty() && log.isDebugEnabled()) {
            log.debug("Batch of {}: list and fetch {} ms, read and save {} ms, move {} ms; {} saved, {} failed, {} moved",
                    chosen.size(), (fetched - start) / 1_000_000, (saved - fetched) / 1_000_000,
                    (System.nanoTime() - saved) / 1_000_000, outcomes.size(), failed, batch.moved());
        }
        return batch;
    }

    /**
     * The due messages from the start of the inbox, as many as a batch holds (at least one): listed
     * window by window (twice a batch, then doubling), so that messages waiting out a back-off at the
     * start are passed over without listing the whole inbox for every batch.
     */
    private List<Inbox.Listed> chooseFromStart() throws MessagingException {
        List<Inbox.Listed> chosen = new ArrayList<>();
        long[] bytes = {0};
        int count = inbox.count();
        int window = 2 * settings.size();
        for (int from = 1; from <= count; from += window, window = Math.min(2 * window, MAX_WINDOW)) {
            if (choose(inbox.list(from, from + window - 1), chosen, bytes)) {
                break;
            }
        }
        return chosen;
    }

    /** The most messages listed in one command. */
    static final int MAX_WINDOW = 5_000;

    /** Adds the due ones of these messages to the batch; whether it is full. */
    private boolean choose(List<Inbox.Listed> listed, List<Inbox.Listed> chosen, long[] bytes) {
        for (Inbox.Listed m : listed) {
            if (!intake.due(m.key())) {
                continue;
            }
            boolean fetchedAlone = !fetchedWithOthers(m);
            if (!chosen.isEmpty() && (chosen.size() >= settings.size()
                    || (!fetchedAlone && bytes[0] + m.size() > settings.bytes().toBytes()))) {
                return true;
            }
            chosen.add(m);
            bytes[0] += fetchedAlone ? 0 : m.size();
        }
        return chosen.size() >= settings.size();
    }

    /** Whether the message's body comes with the batch's; else it is fetched (or streamed, over the size limit) alone. */
    private boolean fetchedWithOthers(Inbox.Listed m) {
        return intake.fitsBatch(m.size(), settings.bytes().toBytes());
    }

    /** Whether the message is read by then (waiting for it until then). */
    private static boolean readWithin(Future<MailIntake.Prepared> future, long untilNanos) throws InterruptedException {
        long left = untilNanos - System.nanoTime();
        if (left <= 0) {
            return future.isDone();
        }
        try {
            future.get(left, java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException notYet) {
            return false;
        } catch (ExecutionException failed) {
            // done: await() turns it into a failed message
        }
        return true;
    }

    private MailIntake.Prepared await(Inbox.Listed m, Future<MailIntake.Prepared> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return MailIntake.Prepared.failed(m.key(), new byte[0], new IllegalStateException(e.getCause()));
        }
    }

    private static void record(MailIntake.Taken taken, Inbox.Listed m, Map<String, List<Inbox.Listed>> moves,
                               List<Message> wrapped, List<MailIntake.Outcome> outcomes) {
        outcomes.add(taken.outcome());
        if (taken.movedWrapped()) {
            wrapped.add(m.message());
        } else {
            moves.computeIfAbsent(taken.target(), t -> new ArrayList<>()).add(m);
        }
    }

    /** A saved message too complex for the server to copy goes to its folder wrapped, right away. */
    private static MailIntake.Taken wrapIfNeeded(Inbox.Listed m, MailIntake.Prepared prepared, MailIntake.Taken taken) {
        if (!MailIntake.tooComplexToCopy(prepared.raw())) {
            return taken;
        }
        try {
            MailIntake.moveWrapped(m.message(), prepared.raw(), taken.target());
            return new MailIntake.Taken(taken.outcome(), taken.target(), true);
        } catch (Exception e) {
            log.warn("Message {} could not be put in {} wrapped: {}; it is tried again later", m.key(), taken.target(),
                    e.toString());
            return null; // stays in the inbox; after its back-off it is recognised and put there again
        }
    }

    /** Moves the saved messages out, one command per folder; returns how many left the inbox. */
    int move(Map<String, List<Inbox.Listed>> moves, List<Message> wrapped) {
        int moved = 0;
        try {
            for (Map.Entry<String, List<Inbox.Listed>> target : moves.entrySet()) {
                inbox.move(target.getValue(), target.getKey());
                moved += target.getValue().size();
            }
            inbox.expunge(wrapped);
            moved += wrapped.size();
        } catch (MessagingException | RuntimeException e) {
            // they stay in the inbox and wait out a back-off; then they are recognised and moved again
            log.warn("Moving {} message(s) out of the inbox did not happen: {}", moves.values().stream()
                    .mapToInt(List::size).sum() + wrapped.size() - moved, e.toString());
            inbox.close();
        }
        return moved;
    }

    @Override
    public void close() {
        readers.shutdownNow();
        inbox.close();
    }
}
