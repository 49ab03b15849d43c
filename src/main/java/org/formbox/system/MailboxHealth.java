package org.formbox.system;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The collection mailbox as the poller sees it: log in and select the polled folder, within a few
 * seconds. DOWN while the IMAP server is unreachable or refuses the login, so that an operator's
 * monitor sees an outage the route itself only logs.
 */
@Component("mailbox")
public class MailboxHealth implements HealthIndicator {

    static final int TIMEOUT_MILLIS = 3000;

    private final MailSettings settings;
    private final Session session;

    public MailboxHealth(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            p.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
            p.setProperty("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
            p.setProperty("mail." + protocol + ".writetimeout", String.valueOf(TIMEOUT_MILLIS));
        }
        this.session = Session.getInstance(p);
    }

    @Override
    public Health health() {
        MailSettings.Imap imap = settings.imap();
        Health.Builder health = new Health.Builder().withDetail("server", imap.host() + ":" + imap.port())
                .withDetail("folder", imap.folder());
        try (Store store = session.getStore(imap.ssl() ? "imaps" : "imap")) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_ONLY);
            int waiting = folder.getMessageCount();
            folder.close(false);
            return health.up().withDetail("messages", waiting).build();
        } catch (Exception e) {
            return health.down(e).build();
        }
    }
}
