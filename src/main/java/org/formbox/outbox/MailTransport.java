package org.formbox.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
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

    /**
     * A new empty message that keeps this Message-ID when sent (so that the store knows which
     * thread a later answer to it continues).
     */
    public MimeMessage newMessage(String messageId) {
        return new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /**
     * A message from the collection mailbox, under the call's mail name, to one address, with this
     * Message-ID, subject and Date.
     */
    public MimeMessage newMessage(String messageId, String to, String subject, java.time.Instant date)
            throws MessagingException, java.io.UnsupportedEncodingException {
        MimeMessage m = newMessage(messageId);
        m.setFrom(new jakarta.mail.internet.InternetAddress(fromAddress(),
                org.formbox.forms.FieldCatalog.definition().mailName(), "UTF-8"));
        m.setRecipient(jakarta.mail.Message.RecipientType.TO, new jakarta.mail.internet.InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(java.util.Date.from(date));
        return m;
    }

    /** A text and an HTML rendering of the same words, as one multipart/alternative part. */
    public static MimeBodyPart alternative(String text, String html) throws MessagingException {
        jakarta.mail.internet.MimeMultipart alternative = new jakarta.mail.internet.MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        return body;
    }

    /** What the outbox keeps of a mail that went out: its subject, plain text and Message-ID. */
    public static Outbox.Sent sent(MimeMessage m, java.time.Instant at) throws MessagingException {
        String text;
        try {
            text = plainText(m);
        } catch (java.io.IOException e) {
            text = null;
        }
        return new Outbox.Sent(m.getSubject(), text, m.getMessageID(), at);
    }

    private static String plainText(jakarta.mail.Part p) throws MessagingException, java.io.IOException {
        if (p.isMimeType("text/plain")) {
            return (String) p.getContent();
        }
        if (p.isMimeType("multipart/*")) {
            jakarta.mail.internet.MimeMultipart mp = (jakarta.mail.internet.MimeMultipart) p.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String t = plainText(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * An attached file. Its name is written once, as RFC 2231 parameters in UTF-8 (Angus Mail's
     * encoding of {@code filename} and {@code name}); encoding it by hand as well, as RFC 2047,
     * made clients that follow RFC 2231 show the encoded words, cut into pieces.
     */
    public static MimeBodyPart attachment(String filename, String contentType, byte[] content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        part.setFileName(filename);
        return part;
    }

    /** The collection address that every outgoing mail comes from. */
    public String fromAddress() {
        return settings.address();
    }

    /** Sends a message; throws when the server is unreachable or refuses it. */
    public void send(MimeMessage message) throws MessagingException {
        message.saveChanges();
        Batch batch = CURRENT.get();
        if (batch != null) {
            batch.send(message);
            return;
        }
        String user = settings.smtp().username();
        if (user != null && !user.isBlank()) {
            Transport.send(message, user, settings.smtp().password());
        } else {
            Transport.send(message);
        }
    }

    /**
     * Opens a batch: until it is closed, {@link #send} on this thread sends over one SMTP
     * connection (opened at the first mail, opened again after a failure and after
     * {@value #PER_CONNECTION} mails), instead of a connection per mail. The outbox and the
     * reminders send their rounds in one.
     */
    public Batch batch() {
        Batch batch = new Batch(CURRENT.get());
        CURRENT.set(batch);
        return batch;
    }

    /** How many mails go over one connection before it is opened again (servers limit it, often at 100). */
    static final int PER_CONNECTION = 50;

    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

    /** Mails sent over one connection; see {@link #batch()}. */
    public final class Batch implements AutoCloseable {

        private final Batch outer;
        private Transport connection;
        private int sent;

        private Batch(Batch outer) {
            this.outer = outer;
        }

        private void send(MimeMessage message) throws MessagingException {
            if (connection != null && (!connection.isConnected() || sent >= PER_CONNECTION)) {
                disconnect();
            }
            if (connection == null) {
                Transport t = session.getTransport("smtp");
                String user = settings.smtp().username();
                if (user != null && !user.isBlank()) {
                    t.connect(user, settings.smtp().password());
                } else {
                    t.connect();
                }
                connection = t;
                sent = 0;
            }
            try {
                connection.sendMessage(message, message.getAllRecipients());
                sent++;
            } catch (jakarta.mail.SendFailedException refused) {
                throw refused; // this mail's recipients were refused; the connection goes on
            } catch (MessagingException | RuntimeException broken) {
                disconnect(); // the next mail starts on a fresh connection
                throw broken;
            }
        }

        private void disconnect() {
            try {
                connection.close();
            } catch (MessagingException | RuntimeException alreadyGone) {
                // nothing to close any more
            }
            connection = null;
        }

        @Override
        public void close() {
            if (connection != null) {
                disconnect();
            }
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
