package org.formbox.support;

import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.formbox.system.MailSettings;

/** Sends forms to the service as a sender would and reads what the sender gets back. */
public final class Correspondence {

    private final Mailbox mailbox;

    public Correspondence(MailSettings settings) {
        this.mailbox = new Mailbox(settings);
    }

    /** A sample document of {@code sample-submissions/docs} or a test fixture, as bytes. */
    public static byte[] document(String path) throws Exception {
        Path p = path.contains("/") ? Path.of(path) : Path.of("sample-submissions", "docs", path);
        return Files.readAllBytes(p);
    }

    /** Sends a mail from this address with these attachments (file name → path), returns its Message-ID. */
    public String send(String from, String... namesAndPaths) throws Exception {
        TestMails mail = TestMails.from(from);
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            mail.attachRfc2231(namesAndPaths[i], document(namesAndPaths[i + 1]));
        }
        mailbox.deliver(mail.build(), from);
        return mail.messageId();
    }

    /** Waits until the address holds this many mails from the service, and returns their plain texts. */
    public List<String> awaitReplies(String address, int count) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailbox.inboxOf(address).size() >= count);
        return mailbox.inboxOf(address).stream().map(m -> {
            try {
                return text(m);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The messages in an address's inbox. */
    public List<MimeMessage> inbox(String address) throws Exception {
        return mailbox.inboxOf(address);
    }

    /** The mailbox itself, for raw deliveries. */
    public Mailbox mailbox() {
        return mailbox;
    }

    /** The plain-text body of a message. */
    public static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                String t = text(mp.getBodyPart(i));
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
