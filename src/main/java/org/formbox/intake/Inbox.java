package org.formbox.intake;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.eclipse.angus.mail.imap.protocol.UIDSet;
import org.formbox.system.MailSettings;

/**
 * The polled folder over one IMAP login, kept between polls: list a window of the messages (UID,
 * size and flags, one command), fetch the bodies of a batch in one command, and move
 * a batch out with {@code MOVE} (RFC 6851) when the server offers it, else with COPY, {@code \Deleted}
 * and (UID) EXPUNGE. Not thread-safe: the poller alone uses it.
 */
final class Inbox implements AutoCloseable {

    /** A message of the polled folder. */
    record Listed(Message message, long uid, String key, long size) {
    }

    private final MailSettings.Imap imap;
    private final Session session;
    private IMAPStore store;
    private IMAPFolder folder;
    private final Map<String, Folder> targets = new HashMap<>();

    Inbox(MailSettings.Imap imap, Properties storeProperties) {
        this.imap = imap;
        Properties p = new Properties();
        p.putAll(storeProperties);
        p.setProperty("mail.imap.peek", "true"); // a message fetched on its own stays unseen, like one fetched in a batch
        p.setProperty("mail.imaps.peek", "true");
        this.session = Session.getInstance(p);
    }

    /** How many messages the folder holds now (its message numbers run from 1 to this). */
    int count() throws MessagingException {
        return open().getMessageCount();
    }

    /**
     * The messages numbered {@code from} to {@code to} (1-based, inclusive; capped at the folder's
     * count), in the folder's order, without those flagged deleted: one FETCH of their UID, size and
     * flags. A batch lists the start of the inbox window by window, never the whole of a long backlog
     * for each batch (that listing grew with the backlog, and the server's work and ours with it).
     */
    List<Listed> list(int from, int to) throws MessagingException {
        IMAPFolder f = open();
        int last = Math.min(to, f.getMessageCount());
        if (from > last) {
            return List.of();
        }
        Message[] window = f.getMessages(Math.max(1, from), last);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.SIZE);
        profile.add(FetchProfile.Item.FLAGS);
        f.fetch(window, profile);
        long validity = f.getUIDValidity();
        List<Listed> listed = new ArrayList<>(window.length);
        for (Message m : window) {
            if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            long uid = f.getUID(m);
            listed.add(new Listed(m, uid, MessageAttempts.key(validity, uid), Math.max(0, m.getSize())));
        }
        return listed;
    }

    /**
     * The raw bytes of these messages, fetched in one {@code UID FETCH … BODY.PEEK[]} (the seen flag
     * stays as it was). A message that is gone meanwhile is missing from the answer.
     */
    Map<Long, byte[]> bodies(List<Listed> messages) throws MessagingException {
        Map<Long, byte[]> bodies = new HashMap<>();
        if (messages.isEmpty()) {
            return bodies;
        }
        long[] uids = messages.stream().mapToLong(Listed::uid).toArray();
        String command = "UID FETCH " + UIDSet.toString(UIDSet.createUIDSets(uids)) + " (UID BODY.PEEK[])";
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command(command, null);
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] instanceof FetchResponse fetched) {
                    UID uid = fetched.getItem(UID.class);
                    BODY body = fetched.getItem(BODY.class);
                    if (uid != null && body != null && body.getByteArray() != null) {
                        bodies.put(uid.uid, body.getByteArray().getNewBytes());
                        responses[i] = null; // handled here: the folder must not load the body into its message too
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
        return bodies;
    }

    /**
     * Moves these messages to the named folder (made when missing). Named by UID: when the server
     * dropped the connection while the batch was being read and saved (GreenMail does after some
     * idle seconds), the folder is selected again and the move made on the new connection.
     */
    void move(List<Listed> messages, String target) throws MessagingException {
        if (messages.isEmpty()) {
            return;
        }
        try {
            moveOnce(messages, target);
        } catch (jakarta.mail.FolderClosedException | jakarta.mail.StoreClosedException dropped) {
            close();
            moveOnce(messages, target);
        }
    }

    private void moveOnce(List<Listed> messages, String target) throws MessagingException {
        IMAPFolder f = open();
        Message[] batch = java.util.Arrays.stream(f.getMessagesByUID(messages.stream().mapToLong(Listed::uid).toArray()))
                .filter(java.util.Objects::nonNull).toArray(Message[]::new);
        if (batch.length == 0) {
            return;
        }
        Folder to = target(target);
        if (store.hasCapability("MOVE")) {
            folder.moveMessages(batch, to);
            return;
        }
        folder.copyMessages(batch, to);
        folder.setFlags(batch, new Flags(Flags.Flag.DELETED), true);
        expunge(List.of(batch));
    }

    /** Removes these messages, already flagged deleted, from the folder: only these where UIDPLUS allows. */
    void expunge(List<Message> deleted) throws MessagingException {
        if (deleted.isEmpty()) {
            return;
        }
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(deleted.toArray(Message[]::new));
        } else {
            folder.expunge(); // this folder holds no other deleted mail: the intake never deletes otherwise
        }
    }

    /** Whether the server moves with the MOVE command. */
    boolean offersMove() throws MessagingException {
        open();
        return store.hasCapability("MOVE");
    }

    private Folder target(String name) throws MessagingException {
        Folder to = targets.get(name);
        if (to == null) {
            to = store.getFolder(name);
            if (!to.exists()) {
                to.create(Folder.HOLDS_MESSAGES);
            }
            targets.put(name, to);
        }
        return to;
    }

    /**
     * Selects the folder afresh for each poll, on a login kept between polls: the message numbers
     * then come from the server itself, whatever an earlier poll's expunge left in the mail
     * library's view (GreenMail's answers to UID EXPUNGE left it one message behind, and the next
     * new message went unseen).
     */
    private IMAPFolder open() throws MessagingException {
        if (folder != null && folder.isOpen()) {
            return folder;
        }
        if (store == null || !store.isConnected()) {
            close();
            IMAPStore s = (IMAPStore) session.getStore("imap");
            s.connect(imap.host(), imap.port(), imap.username(), imap.password());
            store = s;
        }
        IMAPFolder f = (IMAPFolder) store.getFolder(imap.folder());
        f.open(Folder.READ_WRITE);
        folder = f;
        return f;
    }

    /** Ends a poll: the folder is closed without expunging, the login kept for the next poll. */
    void release() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            close();
        }
        folder = null;
    }

    /** Drops the connection; the next call opens a new one. */
    @Override
    public void close() {
        targets.clear();
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException gone) {
            // the connection is already lost
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException gone) {
            // the same
        }
        folder = null;
        store = null;
    }
}
