package org.formbox.bench;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A mail server outside the service: GreenMail in the test JVM, SMTP and IMAP on loopback, with
 * the collection mailbox and a mailbox for every recipient. The service reaches it through a
 * {@link Outage} proxy, so a test can take the server "down" without losing what it holds.
 */
final class MailServer implements AutoCloseable {

    static final String COLLECTION = "forms@formbox.test";

    private final GreenMail greenMail;
    private final GreenMailUser collection;
    private final Session session = Session.getInstance(new Properties());
    final Outage smtpProxy;
    final Outage imapProxy;
    /** The server's own ports, without the relay. */
    final int smtpPort;
    final int imapPort;

    MailServer() throws IOException {
        int smtp = freePort();
        int imap = freePort();
        smtpPort = smtp;
        imapPort = imap;
        greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(COLLECTION, COLLECTION, COLLECTION));
        greenMail.start();
        collection = greenMail.getUserManager().getUserByEmail(COLLECTION);
        try {
            IndexedMessages.install(greenMail.getManagers().getImapHostManager().getInbox(collection));
        } catch (Exception e) {
            throw new IllegalStateException("GreenMail's folder changed; IndexedMessages needs updating", e);
        }
        smtpProxy = new Outage(freePort(), smtp);
        imapProxy = new Outage(freePort(), imap);
    }

    /** Puts a raw message straight into the collection inbox, as the MX would. */
    void deliver(byte[] raw) throws Exception {
        MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(raw));
        collection.deliver(m);
    }

    /** Replies received so far, by recipient address (lower case), for recipients in this domain. */
    Map<String, Integer> repliesByRecipient(String domain) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain(domain)) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                String address = ((jakarta.mail.internet.InternetAddress) to).getAddress().toLowerCase();
                if (address.endsWith("@" + domain)) {
                    counts.merge(address, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** The replies to one recipient. */
    List<MimeMessage> repliesTo(String address) throws Exception {
        List<MimeMessage> replies = new java.util.ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain(address)) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                if (((jakarta.mail.internet.InternetAddress) to).getAddress().equalsIgnoreCase(address)) {
                    replies.add(m);
                }
            }
        }
        return replies;
    }

    /** How many messages wait in a folder of the collection mailbox. */
    int count(String folder) throws Exception {
        var host = greenMail.getManagers().getImapHostManager();
        var f = host.getFolder(collection, folder);
        if (f == null) {
            return 0;
        }
        while (true) {
            try {
                int n = 0;
                for (StoredMessage m : f.getMessages()) {
                    if (!m.isSet(jakarta.mail.Flags.Flag.DELETED)) {
                        n++;
                    }
                }
                return n;
            } catch (java.util.ConcurrentModificationException moving) {
                // a MOVE took messages out of the list while it was counted: count again
            }
        }
    }

    @Override
    public void close() {
        smtpProxy.close();
        imapProxy.close();
        greenMail.stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
