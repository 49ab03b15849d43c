package org.formbox.system;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The in-process mail server of the default run: SMTP and IMAP on loopback, holding the
 * collection mailbox. Any other recipient gets a mailbox on first delivery, readable over IMAP
 * with its address as user name and password, so that replies can be read back.
 *
 * <p>The mailboxes survive a restart: every delivery is spooled to disk before the SMTP answer,
 * the collection mailbox's folders are mirrored there every second, and the spool is loaded back
 * at start ({@link MailSpool}, {@code formbox.mail.spool-dir}).
 */
@Component
@ConditionalOnProperty(name = "formbox.mail.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedMailServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    private final MailSettings settings;
    private final Path spoolDir;
    private GreenMail greenMail;
    private MailSpool spool;
    private ScheduledExecutorService mirror;

    public EmbeddedMailServer(MailSettings settings, @Value("${formbox.mail.spool-dir:./data/mailspool}") String spoolDir) {
        this.settings = settings;
        this.spoolDir = Path.of(spoolDir).toAbsolutePath();
    }

    @Override
    public synchronized void start() {
        ServerSetup smtp = new ServerSetup(settings.smtp().port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(settings.imap().port(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        greenMail = new GreenMail(new ServerSetup[] {smtp, imap});
        greenMail.withConfiguration(GreenMailConfiguration.aConfig()
                .withUser(settings.address(), settings.imap().username(), settings.imap().password()));
        greenMail.start();
        spool = new MailSpool(spoolDir, greenMail.getUserManager(),
                List.of("INBOX", settings.imap().processedFolder(), settings.imap().failedFolder()));
        try {
            int loaded = spool.load();
            log.info("Embedded mail server: {} message(s) loaded back from {}", loaded, spoolDir);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the mail spool " + spoolDir, e);
        }
        greenMail.getUserManager().setMessageDeliveryHandler(spool.deliveryHandler());
        mirror = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "formbox-mail-spool");
            t.setDaemon(true);
            return t;
        });
        mirror.scheduleWithFixedDelay(spool::sync, 1, 1, TimeUnit.SECONDS);
        log.info("Embedded mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}, collection mailbox {}",
                settings.smtp().port(), settings.imap().port(), settings.address());
    }

    @Override
    public synchronized void stop() {
        if (mirror != null) {
            mirror.shutdownNow();
            mirror = null;
            spool.sync();
        }
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
