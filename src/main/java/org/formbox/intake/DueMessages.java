package org.formbox.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.SearchTerm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer's search term: every message in the folder except those waiting out a back-off
 * after a failure or a failed move ({@link MessageAttempts}). IMAP cannot express it, so the mail
 * library applies it to each message itself; the UIDs it needs are fetched for the whole folder in
 * one command, and only while something is waiting at all.
 */
final class DueMessages extends SearchTerm {

    private static final Logger log = LoggerFactory.getLogger(DueMessages.class);

    private final transient MessageAttempts attempts;
    private transient Folder prefetched;
    private transient int prefetchedCount = -1;

    DueMessages(MessageAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    public boolean match(Message message) {
        if (attempts.isEmpty()) {
            return true;
        }
        try {
            prefetchUids(message.getFolder());
            String key = MessageAttempts.key(message);
            boolean due = attempts.due(key);
            if (!due) {
                log.debug("Message {} waits until {}", key, attempts.notBefore(key));
            }
            return due;
        } catch (MessagingException | RuntimeException e) {
            return true; // when the UID cannot be had, the intake's own checks still apply
        }
    }

    private synchronized void prefetchUids(Folder folder) throws MessagingException {
        if (!(folder instanceof UIDFolder) || (folder == prefetched && folder.getMessageCount() == prefetchedCount)) {
            return;
        }
        FetchProfile uids = new FetchProfile();
        uids.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(folder.getMessages(), uids);
        prefetched = folder;
        prefetchedCount = folder.getMessageCount();
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
