package org.formbox.bench;

import com.icegreen.greenmail.foedus.util.MsgRangeFilter;
import com.icegreen.greenmail.imap.commands.IdRange;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.FolderListener;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.store.StoredMessageCollection;
import java.lang.reflect.Field;
import java.util.Iterator;
import java.util.List;

/**
 * GreenMail's message list with its UID array kept between commands. GreenMail rebuilds that
 * array for every message-number lookup, and looks one up for every message of the folder on
 * each FETCH and STORE, so each command costs O(n²) in the folder's size: with 2,000 messages
 * waiting the mail server, not the service, set the pace (0.65 msg/s against 3 msg/s with 400).
 * A real IMAP server does not behave so; this keeps the benchmark measuring the service.
 */
final class IndexedMessages implements StoredMessageCollection {

    private final StoredMessageCollection messages;
    private volatile long[] uids;

    private IndexedMessages(StoredMessageCollection messages) {
        this.messages = messages;
    }

    /** Puts the index in place in one of GreenMail's folders (test-only reflection). */
    static void install(MailFolder folder) throws ReflectiveOperationException {
        Field field = Class.forName("com.icegreen.greenmail.store.HierarchicalFolder").getDeclaredField("mailMessages");
        field.setAccessible(true);
        StoredMessageCollection current = (StoredMessageCollection) field.get(folder);
        if (!(current instanceof IndexedMessages)) {
            field.set(folder, new IndexedMessages(current));
        }
    }

    @Override
    public synchronized long[] getMessageUids() {
        long[] u = uids;
        if (u == null) {
            u = messages.getMessageUids();
            uids = u;
        }
        return u;
    }

    @Override
    public synchronized void add(StoredMessage message) {
        messages.add(message);
        uids = null;
    }

    @Override
    public synchronized StoredMessage remove(long uid) {
        uids = null;
        return messages.remove(uid);
    }

    @Override
    public synchronized void clear() {
        messages.clear();
        uids = null;
    }

    @Override
    public synchronized void expunge(List<FolderListener> listeners) {
        messages.expunge(listeners);
        uids = null;
    }

    @Override
    public synchronized void expunge(List<FolderListener> listeners, IdRange[] ranges) {
        messages.expunge(listeners, ranges);
        uids = null;
    }

    @Override
    public int size() {
        return messages.size();
    }

    @Override
    public int getFirstUnseen() {
        return messages.getFirstUnseen();
    }

    @Override
    public int getMsn(long uid) throws FolderException {
        long[] u = getMessageUids();
        for (int i = 0; i < u.length; i++) {
            if (u[i] == uid) {
                return i + 1;
            }
        }
        throw new FolderException("No such message.");
    }

    @Override
    public List<StoredMessage> getMessages(MsgRangeFilter range) {
        return messages.getMessages(range);
    }

    @Override
    public List<StoredMessage> getMessages() {
        return messages.getMessages();
    }

    @Override
    public StoredMessage get(int index) {
        return messages.get(index);
    }

    @Override
    public Iterator<StoredMessage> iterator() {
        return messages.iterator();
    }
}
