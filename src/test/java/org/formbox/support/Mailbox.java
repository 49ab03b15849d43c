package org.formbox.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.formbox.system.MailSettings;

/** Talks to the service's mail server as the outside world does: SMTP in, IMAP to read mailboxes. */
public final class Mailbox {

    private final MailSettings settings;
    private final Session session;

    public Mailbox(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.smtp().host());
        p.setProperty("mail.smtp.port", String.valueOf(settings.smtp().port()));
        p.setProperty("mail.imap.host", settings.imap().host());
        p.setProperty("mail.imap.port", String.valueOf(settings.imap().port()));
        this.session = Session.getInstance(p);
    }

    /** Delivers raw message bytes to the collection address, with this envelope sender. */
    public void deliver(byte[] raw, String envelopeFrom) throws MessagingException {
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw)) {
            @Override
            protected void updateMessageID() {
                // keep the sender's Message-ID exactly as written
            }
        };
        Properties p = new Properties(session.getProperties());
        p.putAll(session.getProperties());
        p.setProperty("mail.smtp.from", envelopeFrom == null ? "" : envelopeFrom);
        Session s = Session.getInstance(p);
        try (Transport t = s.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, new InternetAddress[] {new InternetAddress(settings.address())});
        }
    }

    /** The messages in a folder of the collection mailbox. */
    public List<MimeMessage> folder(String name) throws MessagingException, IOException {
        return read(settings.imap().username(), settings.imap().password(), name);
    }

    /** The Message-IDs in a folder of the collection mailbox, read from the headers alone. */
    public List<String> messageIds(String folderName) throws MessagingException {
        List<String> ids = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect(settings.imap().username(), settings.imap().password());
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return ids;
            }
            folder.open(Folder.READ_ONLY);
            try {
                Message[] messages = folder.getMessages();
                jakarta.mail.FetchProfile headers = new jakarta.mail.FetchProfile();
                headers.add("Message-ID");
                headers.add(jakarta.mail.FetchProfile.Item.FLAGS);
                folder.fetch(messages, headers);
                for (Message m : messages) {
                    String[] id = m.getHeader("Message-ID");
                    if (id != null && !m.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                        ids.add(id[0]);
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        return ids;
    }

    /** The messages in another address's inbox (the embedded server makes one per recipient). */
    public List<MimeMessage> inboxOf(String address) throws MessagingException, IOException {
        return read(address, address, "INBOX");
    }

    private List<MimeMessage> read(String user, String password, String folderName) throws MessagingException, IOException {
        List<MimeMessage> result = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            try {
                store.connect(user, password);
            } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                return result; // the embedded server makes a mailbox on first delivery
            }
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return result;
            }
            folder.open(Folder.READ_ONLY);
            try {
                for (Message m : folder.getMessages()) {
                    if (m.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                        continue;
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    m.writeTo(out);
                    result.add(new MimeMessage(session, new ByteArrayInputStream(out.toByteArray())));
                }
            } finally {
                folder.close(false);
            }
        }
        return result;
    }
}
