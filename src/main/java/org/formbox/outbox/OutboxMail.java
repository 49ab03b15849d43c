package org.formbox.outbox;

import java.time.Instant;

/**
 * What the mails of one {@link Outbox.Kind} say, and their sending: one bean per kind, owned by the
 * feature that queues them. Called by {@link OutboxSender} for each due row of its kind, after
 * the row was claimed.
 */
public interface OutboxMail {

    /** The kind of rows this sends. */
    Outbox.Kind kind();

    /**
     * Writes and sends the mail of a row.
     *
     * @param entry the row
     * @param at    the time it goes out (its Date header): no answer to it can have arrived earlier
     * @return what went out, or why it must not go out anymore
     * @throws Exception when it could not be sent now; the row is tried again later
     */
    Outbox.Result send(Outbox.Entry entry, Instant at) throws Exception;
}
