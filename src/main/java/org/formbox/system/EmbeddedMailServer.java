package org.formbox.system;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process mail server of the default run: SMTP and IMAP on loopback, holding the
 * collection mailbox. Any other recipient gets a mailbox on first delivery, readable over IMAP
 * with its address as user name and password, so that replies can be read back.
 */
@Component
@ConditionalOnProperty(name = "formbox.mail.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final MailSettings settings;
    private GreenMail greenMail;

    public EmbeddedMailServer(MailSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        ServerSetup smtp = new ServerSetup(settings.smtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(settings.imap().port(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(settings.address(), settings.imap().username(), settings.imap().password()));
        greenMail.start();
        log.info("Embedded mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}, collection mailbox {}",
                settings.smtp().port(), settings.imap().port(), settings.address());
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    /** Starts before the routes and stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    /** The running server, for tests and the demo. */
    public synchronized GreenMail greenMail() {
        return greenMail;
    }
}
