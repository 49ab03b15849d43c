package org.formbox.reply;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.formbox.system.MailSettings;
import org.springframework.stereotype.Component;

/** The outgoing SMTP server of {@code formbox.mail.smtp.*}, for replies and digests. */
@Component
public class MailTransport {

    private final MailSettings settings;
    private final Session session;

    public MailTransport(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", settings.smtp().host());
        p.setProperty("mail.smtp.port", String.valueOf(settings.smtp().port()));
        p.setProperty("mail.smtp.connectiontimeout", "10000");
        p.setProperty("mail.smtp.timeout", "30000");
        p.setProperty("mail.smtp.writetimeout", "30000");
        p.setProperty("mail.smtp.from", settings.address());
        if (settings.smtp().starttls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        boolean auth = settings.smtp().username() != null && !settings.smtp().username().isBlank();
        p.setProperty("mail.smtp.auth", String.valueOf(auth));
        this.session = Session.getInstance(p);
    }

    /** A new empty message on this server's session. */
    public MimeMessage newMessage() {
        return new MimeMessage(session);
    }

    /** The collection address that every outgoing mail comes from. */
    public String fromAddress() {
        return settings.address();
    }

    /** Sends a message; throws when the server is unreachable or refuses it. */
    public void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        String user = settings.smtp().username();
        if (user != null && !user.isBlank()) {
            Transport.send(message, user, settings.smtp().password());
        } else {
            Transport.send(message);
        }
    }
}
