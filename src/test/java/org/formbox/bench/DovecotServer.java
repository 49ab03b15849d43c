package org.formbox.bench;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Dovecot (package {@code dovecot-imapd}) as the polled IMAP server: a private
 * configuration in a folder of its own under /tmp, IMAP on a free loopback port, one virtual user (the
 * collection address, its address as password), Maildir storage; run in the foreground as a child
 * process and stopped with it. Needs root (Dovecot switches to its own users) and
 * {@code /usr/sbin/dovecot}. Mail arrives by IMAP APPEND, as a delivery agent would put it there.
 */
final class DovecotServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/dovecot");

    final int imapPort;
    private final Path dir;
    private final Process process;
    private final Session session = Session.getInstance(new Properties());

    private DovecotServer(Path dir, int imapPort, Process process) {
        this.dir = dir;
        this.imapPort = imapPort;
        this.process = process;
    }

    /** The master process, whose children serve the connections. */
    long pid() {
        return process.pid();
    }

    static boolean available() {
        return Files.isExecutable(BINARY) && "root".equals(System.getProperty("user.name"));
    }

    /** Starts a server in a new folder under the system's temporary folder (which Dovecot's users can reach). */
    static DovecotServer start() throws Exception {
        Path dir = Files.createTempDirectory("formbox-dovecot");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("mail"));
        int port = MailServer.freePort();
        String d = dir.toAbsolutePath().toString();
        Files.writeString(dir.resolve("users"), MailServer.COLLECTION + ":{PLAIN}" + MailServer.COLLECTION + "\n");
        Files.writeString(dir.resolve("dovecot.conf"), """
                base_dir = %1$s/run
                state_dir = %1$s/run/state
                log_path = %1$s/dovecot.log
                protocols = imap
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                default_internal_user = dovecot
                default_login_user = dovenull
                first_valid_uid = 1
                mail_location = maildir:%1$s/mail/%%u
                mail_fsync = always
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                }
                service stats {
                  unix_listener stats-writer {
                    mode = 0666
                  }
                }
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=nobody gid=nogroup home=%1$s/mail/%%u
                }
                namespace inbox {
                  inbox = yes
                  separator = /
                }
                """.formatted(d, port));
        // the mail folders belong to the virtual user's system account
        new ProcessBuilder("chown", "-R", "nobody:nogroup", d + "/mail").inheritIO().start().waitFor();
        Process process = new ProcessBuilder(BINARY.toString(), "-F", "-c", d + "/dovecot.conf").redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return new DovecotServer(dir, port, process);
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        process.destroy();
        throw new IllegalStateException("Dovecot did not start, see " + dir.resolve("dovecot.log") + " and dovecot.out");
    }

    /** The version line, for the report. */
    static String version() {
        try {
            Process p = new ProcessBuilder(BINARY.toString(), "--version").redirectErrorStream(true).start();
            return "Dovecot " + new String(p.getInputStream().readAllBytes()).strip();
        } catch (IOException e) {
            return "Dovecot";
        }
    }

    private Store connect() throws Exception {
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imapPort, MailServer.COLLECTION, MailServer.COLLECTION);
        return store;
    }

    /** Appends the messages to the collection inbox, in batches. */
    void deliver(List<byte[]> raws) throws Exception {
        try (Store store = connect()) {
            append(store.getFolder("INBOX"), raws);
        }
    }

    /** Appends the messages to the folder, 50 a command. */
    private void append(Folder folder, List<byte[]> raws) throws Exception {
        List<Message> batch = new ArrayList<>();
        for (byte[] raw : raws) {
            batch.add(new MimeMessage(session, new ByteArrayInputStream(raw)));
            if (batch.size() == 50) {
                folder.appendMessages(batch.toArray(Message[]::new));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            folder.appendMessages(batch.toArray(Message[]::new));
        }
    }

    /**
     * Puts these messages into the inbox all at once: appended to a folder of their own first, then
     * moved to the inbox in one {@code MOVE}, so that the service sees them arrive together, as a
     * backlog, not spread over the time the appends take.
     */
    void deliverAtOnce(List<byte[]> raws) throws Exception {
        try (Store store = connect()) {
            Folder held = store.getFolder("Held");
            if (!held.exists()) {
                held.create(Folder.HOLDS_MESSAGES);
            }
            append(held, raws);
            held.open(Folder.READ_WRITE);
            try {
                ((org.eclipse.angus.mail.imap.IMAPFolder) held).moveMessages(held.getMessages(), store.getFolder("INBOX"));
            } finally {
                held.close(true);
            }
        }
    }

    /** Messages in a folder of the collection mailbox that are not marked deleted. */
    int count(String name) throws Exception {
        try (Store store = connect()) {
            Folder folder = store.getFolder(name);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            try {
                return folder.getMessageCount() - folder.getDeletedMessageCount();
            } finally {
                folder.close(false);
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
