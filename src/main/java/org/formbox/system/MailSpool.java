package org.formbox.system;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's mailboxes on disk, so that a restart loses nothing waiting in them
 * (GreenMail keeps mailboxes in memory only). Every message delivered over SMTP is written and
 * forced to disk before the server answers; the folders are then mirrored every second (a message
 * moved from the inbox to Processed leaves the inbox's folder on disk and appears in Processed's),
 * and at start the spool is loaded back. Layout: {@code <dir>/<login>/user.properties} and
 * {@code <dir>/<login>/<folder>/<time>-<n>.eml}, names URL-encoded.
 *
 * <p>A message that moved in the last second before a kill may come back in the inbox as well;
 * the intake recognises it as saved before and only moves it again.
 */
final class MailSpool {

    private static final Logger log = LoggerFactory.getLogger(MailSpool.class);

    private final Path dir;
    private final UserManager users;
    private final ImapHostManager folders;
    private final List<String> mirrored;
    private final Session session = Session.getInstance(new Properties());
    private final Map<String, Map<Long, Path>> onDisk = new HashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    MailSpool(Path dir, UserManager users, List<String> mirroredFolders) {
        this.dir = dir;
        this.users = users;
        this.folders = users.getImapHostManager();
        this.mirrored = mirroredFolders;
    }

    /** Puts back every spooled message into its folder; returns how many. */
    synchronized int load() throws Exception {
        Files.createDirectories(dir);
        int loaded = 0;
        try (Stream<Path> accounts = Files.list(dir)) {
            for (Path account : accounts.filter(Files::isDirectory).sorted().toList()) {
                Properties p = new Properties();
                Path props = account.resolve("user.properties");
                if (!Files.exists(props)) {
                    continue;
                }
                try (var in = Files.newInputStream(props)) {
                    p.load(in);
                }
                GreenMailUser user = user(p.getProperty("email"), p.getProperty("login"), p.getProperty("password"));
                try (Stream<Path> boxes = Files.list(account)) {
                    for (Path box : boxes.filter(Files::isDirectory).sorted().toList()) {
                        loaded += load(user, decode(box.getFileName().toString()), box);
                    }
                }
            }
        }
        return loaded;
    }

    private int load(GreenMailUser user, String name, Path box) throws Exception {
        MailFolder folder = folder(user, name);
        Map<Long, Path> files = onDisk.computeIfAbsent(key(user, name), k -> new HashMap<>());
        int loaded = 0;
        try (Stream<Path> messages = Files.list(box)) {
            for (Path file : messages.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(Files.readAllBytes(file)));
                long uid = folder.appendMessage(m, new Flags(), new Date(Files.getLastModifiedTime(file).toMillis()));
                files.put(uid, file);
                loaded++;
            }
        }
        return loaded;
    }

    /** Delivers through the spool: written to disk first, then into the mailbox. */
    MessageDeliveryHandler deliveryHandler() {
        return (MovingMessage message, MailAddress address) -> new SpooledUser(user(address.getEmail(), null, null));
    }

    private GreenMailUser user(String email, String login, String password) {
        GreenMailUser user = users.getUserByEmail(email);
        try {
            if (user == null) {
                user = users.createUser(email, login == null ? email : login, password == null ? email : password);
            }
            Path props = account(user).resolve("user.properties");
            if (!Files.exists(props)) {
                Files.createDirectories(props.getParent());
                Properties p = new Properties();
                p.setProperty("email", user.getEmail());
                p.setProperty("login", user.getLogin());
                p.setProperty("password", user.getPassword());
                try (OutputStream out = Files.newOutputStream(props)) {
                    p.store(out, "embedded mailbox");
                }
            }
            return user;
        } catch (UserException | IOException e) {
            throw new IllegalStateException("cannot make mailbox " + email, e);
        }
    }

    /** Mirrors the folders on disk: new messages written, those gone (moved, expunged, flagged deleted) removed. */
    synchronized void sync() {
        for (GreenMailUser user : users.listUser()) {
            for (String name : mirrored) {
                try {
                    MailFolder folder = folders.getFolder(user, name);
                    if (folder != null) {
                        sync(user, name, folder);
                    }
                } catch (Exception | StackOverflowError e) {
                    log.warn("Could not mirror {} of {} to disk: {}", name, user.getLogin(), e.toString());
                }
            }
        }
    }

    private void sync(GreenMailUser user, String name, MailFolder folder) throws Exception {
        Map<Long, Path> files = onDisk.computeIfAbsent(key(user, name), k -> new HashMap<>());
        Set<Long> present = new HashSet<>();
        for (StoredMessage m : folder.getMessages()) {
            if (m.isSet(Flags.Flag.DELETED)) {
                continue;
            }
            present.add(m.getUid());
            if (!files.containsKey(m.getUid())) {
                files.put(m.getUid(), write(user, name, bytes(m.getMimeMessage())));
            }
        }
        for (var it = files.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!present.contains(e.getKey())) {
                Files.deleteIfExists(e.getValue());
                it.remove();
            }
        }
    }

    private Path write(GreenMailUser user, String folder, byte[] raw) throws IOException {
        Path box = account(user).resolve(encode(folder));
        Files.createDirectories(box);
        String name = String.format("%013d-%06d", System.currentTimeMillis(), sequence.incrementAndGet() % 1_000_000);
        Path tmp = box.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            out.write(raw);
            channel.force(true);
        }
        Path file = box.resolve(name + ".eml");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private MailFolder folder(GreenMailUser user, String name) throws Exception {
        MailFolder folder = folders.getFolder(user, name);
        return folder != null ? folder : folders.createMailbox(user, name);
    }

    private Path account(GreenMailUser user) {
        return dir.resolve(encode(user.getLogin()));
    }

    private static String key(GreenMailUser user, String folder) {
        return user.getLogin() + "\n" + folder;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(MimeMessage m) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    /** A mailbox whose deliveries go to disk before they go into the inbox. */
    private final class SpooledUser implements GreenMailUser {

        private final GreenMailUser user;

        SpooledUser(GreenMailUser user) {
            this.user = user;
        }

        @Override
        public void deliver(MovingMessage message) {
            try {
                byte[] raw = bytes(message.getMessage());
                MimeShape shape = MimeShape.of(raw);
                if (shape.tooComplex()) {
                    // GreenMail would spend minutes building the structure of every part, holding
                    // the SMTP session and later every copy; it keeps a wrapper with the original inside
                    log.warn("Message to {} nests {} levels, {} parts: kept wrapped", user.getEmail(), shape.depth(), shape.parts());
                    raw = WrappedMail.wrap(raw, shape);
                }
                MimeMessage stored = new MimeMessage(session, new ByteArrayInputStream(raw));
                synchronized (MailSpool.this) {
                    MailFolder inbox = folders.getInbox(user);
                    Set<Long> before = new HashSet<>();
                    for (long uid : inbox.getMessageUids()) {
                        before.add(uid);
                    }
                    Path file = write(user, "INBOX", raw);
                    user.deliver(stored);
                    Map<Long, Path> files = onDisk.computeIfAbsent(key(user, "INBOX"), k -> new HashMap<>());
                    for (long uid : inbox.getMessageUids()) {
                        if (!before.contains(uid)) {
                            files.put(uid, file);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("delivery to " + user.getEmail() + " failed", e);
            }
        }

        @Override
        public void deliver(MimeMessage message) {
            user.deliver(message);
        }

        @Override
        public String getEmail() {
            return user.getEmail();
        }

        @Override
        public String getLogin() {
            return user.getLogin();
        }

        @Override
        public void create() {
            user.create();
        }

        @Override
        public void delete() {
            user.delete();
        }

        @Override
        public String getPassword() {
            return user.getPassword();
        }

        @Override
        public void setPassword(String password) {
            user.setPassword(password);
        }

        @Override
        public void authenticate(String password) throws UserException {
            user.authenticate(password);
        }

        @Override
        public String getQualifiedMailboxName() {
            return user.getQualifiedMailboxName();
        }
    }
}
