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
    // No lock of our own around the cache: GreenMail's COPY walks the message list holding its
    // lock and asks for UIDs, while a delivery holds this collection's monitor and adds to the
    // list, so a lock here deadlocked the two (a hung benchmark). A versioned snapshot needs none.
    private volatile long version;
    private volatile Snapshot cache;

    private record Snapshot(long version, long[] uids) {
    }

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
    public long[] getMessageUids() {
        Snapshot snapshot = cache;
        long before = version;
        if (snapshot != null && snapshot.version() == before) {
            return snapshot.uids();
        }
        long[] uids = messages.getMessageUids();
        if (version == before) {
            cache = new Snapshot(before, uids);
        }
        return uids;
    }

    private void changed() {
        version++;
    }

    @Override
    public synchronized void add(StoredMessage message) {
        messages.add(message);
        changed();
    }

    @Override
    public synchronized StoredMessage remove(long uid) {
        StoredMessage removed = messages.remove(uid);
        changed();
        return removed;
    }

    @Override
    public synchronized void clear() {
        messages.clear();
        changed();
    }

    @Override
    public synchronized void expunge(List<FolderListener> listeners) {
        messages.expunge(listeners);
        changed();
    }

    @Override
    public synchronized void expunge(List<FolderListener> listeners, IdRange[] ranges) {
        messages.expunge(listeners, ranges);
        changed();
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
