package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The embedded mail server, over real SMTP and IMAP, across restarts. */
class EmbeddedMailServerTests {

    static final String PREFIX = System.getenv().getOrDefault("TEST_PORT_PREFIX", "39");
    static final int SMTP = Integer.parseInt(PREFIX + "27");
    static final int IMAP = Integer.parseInt(PREFIX + "47");
    static final String COLLECTION = "forms@formbox.test";

    final Session session = session();

    @Test
    void mailWaitingInTheMailboxSurvivesARestartAndMovedMailDoesNotComeBack() throws Exception {
        Path spool = Files.createTempDirectory("formbox-spool");
        EmbeddedMailServer server = server(spool);
        server.start();
        try {
            send("<waiting-1@nbtest.cn>", "还在收件箱里");
            send("<moved-1@nbtest.cn>", "已处理");
            assertThat(ids("INBOX")).containsExactly("<waiting-1@nbtest.cn>", "<moved-1@nbtest.cn>");
            move("<moved-1@nbtest.cn>", "Processed");
            await().atMost(Duration.ofSeconds(10)).until(() -> spooled(spool, "INBOX") == 1 && spooled(spool, "Processed") == 1);
        } finally {
            server.stop();
        }

        EmbeddedMailServer restarted = server(spool);
        restarted.start();
        try {
            assertThat(ids("INBOX")).containsExactly("<waiting-1@nbtest.cn>");
            assertThat(ids("Processed")).containsExactly("<moved-1@nbtest.cn>");
            send("<after-restart@nbtest.cn>", "重启之后");
            assertThat(ids("INBOX")).containsExactly("<waiting-1@nbtest.cn>", "<after-restart@nbtest.cn>");
        } finally {
            restarted.stop();
        }
        EmbeddedMailServer third = server(spool);
        third.start();
        try {
            assertThat(ids("INBOX")).containsExactly("<waiting-1@nbtest.cn>", "<after-restart@nbtest.cn>");
            assertThat(ids("Processed")).containsExactly("<moved-1@nbtest.cn>");
        } finally {
            third.stop();
        }
    }

    @Test
    void deeplyNestedMailIsTakenAtOnceAndKeptWrappedWithTheOriginalIntact() throws Exception {
        Path spool = Files.createTempDirectory("formbox-spool");
        byte[] nested = org.formbox.support.TestMails.nestedMultiparts("deep@nbtest.cn", "<deep@nbtest.cn>", 10_000);
        EmbeddedMailServer server = server(spool);
        server.start();
        try {
            long start = System.nanoTime();
            sendRaw(nested);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            List<byte[]> inbox = raw("INBOX");
            assertThat(inbox).hasSize(1);
            String original = new String(WrappedMail.unwrap(inbox.get(0)), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(original).contains("Message-ID: <deep@nbtest.cn>", "--b9999\r\n", "bottom", "--b0--");
            assertThat(MimeShape.of(original.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
                    .isEqualTo(MimeShape.of(nested)).extracting(MimeShape::depth).isEqualTo(10_001);
        } finally {
            server.stop();
        }
    }

    private EmbeddedMailServer server(Path spool) {
        MailSettings settings = new MailSettings(true, COLLECTION,
                new MailSettings.Imap("127.0.0.1", IMAP, COLLECTION, COLLECTION, false, "INBOX", "Processed", "Failed"),
                new MailSettings.Smtp("127.0.0.1", SMTP, null, null, false));
        return new EmbeddedMailServer(settings, spool.toString());
    }

    private static long spooled(Path spool, String folder) throws Exception {
        Path box = spool.resolve(COLLECTION.replace("@", "%40")).resolve(folder);
        if (!Files.isDirectory(box)) {
            return 0;
        }
        try (var files = Files.list(box)) {
            return files.filter(f -> f.toString().endsWith(".eml")).count();
        }
    }

    private void send(String messageId, String subject) throws Exception {
        String raw = "From: sender@nbtest.cn\r\nTo: " + COLLECTION + "\r\nSubject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "?=\r\nMessage-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n正文\r\n";
        sendRaw(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void sendRaw(byte[] raw) throws Exception {
        MimeMessage m = new MimeMessage(session, new java.io.ByteArrayInputStream(raw)) {
            @Override
            protected void updateMessageID() {
            }
        };
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            t.sendMessage(m, new InternetAddress[] {new InternetAddress(COLLECTION)});
        }
    }

    private List<String> ids(String folderName) throws Exception {
        List<String> ids = new ArrayList<>();
        for (byte[] raw : raw(folderName)) {
            ids.add(new MimeMessage(session, new java.io.ByteArrayInputStream(raw)).getMessageID());
        }
        return ids;
    }

    private List<byte[]> raw(String folderName) throws Exception {
        List<byte[]> result = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect(COLLECTION, COLLECTION);
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return result;
            }
            folder.open(Folder.READ_ONLY);
            for (Message m : folder.getMessages()) {
                if (!m.isSet(Flags.Flag.DELETED)) {
                    var out = new java.io.ByteArrayOutputStream();
                    m.writeTo(out);
                    result.add(out.toByteArray());
                }
            }
            folder.close(false);
        }
        return result;
    }

    /** What the intake's consumer does: COPY, flag deleted, expunge. */
    private void move(String messageId, String to) throws Exception {
        try (Store store = session.getStore("imap")) {
            store.connect(COLLECTION, COLLECTION);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Folder target = store.getFolder(to);
            if (!target.exists()) {
                target.create(Folder.HOLDS_MESSAGES);
            }
            for (Message m : inbox.getMessages()) {
                if (messageId.equals(((MimeMessage) m).getMessageID())) {
                    inbox.copyMessages(new Message[] {m}, target);
                    m.setFlag(Flags.Flag.DELETED, true);
                }
            }
            inbox.close(true);
        }
    }

    private static Session session() {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", String.valueOf(SMTP));
        p.setProperty("mail.imap.host", "127.0.0.1");
        p.setProperty("mail.imap.port", String.valueOf(IMAP));
        return Session.getInstance(p);
    }
}
