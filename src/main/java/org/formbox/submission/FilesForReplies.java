package org.formbox.submission;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The enterprise files the intake built while saving a mail, kept for the mail's reply so that the
 * outbox does not read and check each file a second time. A file is kept only once its transaction
 * has committed (a group rolled back leaves nothing behind), is taken once, and at most
 * {@value #KEPT} are held: a reply that finds none here (sent by another instance, after a restart,
 * or long after) reads the file again, which describes the same moment.
 */
final class FilesForReplies {

    /** About ten batches of replies waiting for the outbox; the oldest go first. */
    static final int KEPT = 256;

    private record Key(long enterpriseId, long submissionId) {
    }

    private final Map<Key, EnterpriseFile> kept = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, EnterpriseFile> eldest) {
            return size() > KEPT;
        }
    };

    /** Keeps the file once the current transaction commits; outside a transaction, at once. */
    void keepAfterCommit(long enterpriseId, long submissionId, EnterpriseFile file) {
        Key key = new Key(enterpriseId, submissionId);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            put(key, file);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                put(key, file);
            }
        });
    }

    /** The file kept for this submission's reply, removed; null when none is. */
    EnterpriseFile take(long enterpriseId, long submissionId) {
        synchronized (kept) {
            return kept.remove(new Key(enterpriseId, submissionId));
        }
    }

    private void put(Key key, EnterpriseFile file) {
        synchronized (kept) {
            kept.put(key, file);
        }
    }
}
