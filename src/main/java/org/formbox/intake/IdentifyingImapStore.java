package org.formbox.intake;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.IMAPSSLStore;

/**
 * An IMAP store that sends the ID command (RFC 2971) right after login when the server offers
 * it. NetEase mailboxes (163, 126, yeah.net) refuse SELECT with "Unsafe Login" otherwise.
 */
public class IdentifyingImapStore extends IMAPStore {

    static final Map<String, String> CLIENT_ID = Map.of("name", "Formbox", "version", "1.0", "vendor", "Formbox");

    public IdentifyingImapStore(Session session, URLName url) {
        super(session, url);
    }

    // every connect(...) variant ends here; ID needs the store marked connected, which happens in Service.connect
    @Override
    public synchronized void connect(String host, int port, String user, String password) throws MessagingException {
        super.connect(host, port, user, password);
        identify(this);
    }

    static void identify(IMAPStore store) throws MessagingException {
        if (store.hasCapability("ID")) {
            store.id(CLIENT_ID);
        }
    }

    /** The same over implicit TLS ({@code imaps}). */
    public static class Ssl extends IMAPSSLStore {

        public Ssl(Session session, URLName url) {
            super(session, url);
        }

        @Override
        public synchronized void connect(String host, int port, String user, String password) throws MessagingException {
            super.connect(host, port, user, password);
            identify(this);
        }
    }
}
