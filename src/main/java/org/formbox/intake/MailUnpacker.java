package org.formbox.intake;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.formbox.forms.Unreadable;
import org.formbox.reply.MailboxAddress;

/**
 * Reads a raw message into its headers, body text and every attachment: nested multiparts,
 * forwarded messages at any depth and zip archives are walked; nameless and duplicate names are
 * kept. Plain Java, so the same walk serves the route, a re-read from the archive and the tools.
 */
public final class MailUnpacker {

    /** More parts than this in one message are not unpacked. */
    static final int MAX_PARTS = 300;
    private static final int MAX_DEPTH = 8;
    /** Where a file sent as a link was found. */
    static final String LINK_ORIGIN = "邮件正文中的链接";

    private final Session session = Session.getInstance(new Properties());
    private final ZipUnpacker zips;

    public MailUnpacker() {
        this(new ZipUnpacker());
    }

    MailUnpacker(ZipUnpacker zips) {
        this.zips = zips;
    }

    /**
     * Reads a raw message.
     *
     * @throws MessagingException when the bytes are not a message at all
     */
    public UnpackedMail unpack(byte[] raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
        Walk walk = new Walk();
        walk.part(message, "", 0);
        walk.links();
        InternetAddress sender = sender(message);
        String replyAddress = replyTo(message);
        String senderAddress = sender == null ? null : lower(sender.getAddress());
        return new UnpackedMail(message.getMessageID(), senderAddress,
                sender == null ? null : EncodedWords.decode(sender.getPersonal()),
                replyAddress == null ? senderAddress : lower(replyAddress),
                message.getHeader("Return-Path", null),
                EncodedWords.decode(message.getHeader("Subject", null)),
                sentAt(message), references(message), headers(message), baseType(message.getContentType()),
                walk.body, walk.html, walk.attachments, walk.truncated);
    }

    private final class Walk {
        final List<MailAttachment> attachments = new ArrayList<>();
        String body;
        String html;
        int parts;
        boolean truncated;

        void part(Part part, String origin, int depth) throws MessagingException, IOException {
            if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
                truncated = true;
                return;
            }
            String type = baseType(part.getContentType());
            if (type.equals("multipart/encrypted")) {
                // PGP/MIME (RFC 3156): a control part and the encrypted message, nothing readable
                encrypted(part, "encrypted.asc", origin);
                return;
            }
            if (type.startsWith("multipart/")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    part(child, origin, depth + 1);
                }
                return;
            }
            String filename = filename(part);
            if (SecureMail.blob(type, filename)) {
                blob(part, type, filename, origin, depth);
                return;
            }
            // a web page saved as one file (.mht) is sent as message/rfc822 by some clients: a document, not a forward
            boolean webArchive = filename != null && filename.toLowerCase(Locale.ROOT).matches(".*\\.mht(ml)?$");
            byte[] encodedMessage = type.equals("message/rfc822") ? encodedMessage(part) : null;
            if (type.equals("message/rfc822") && !webArchive) {
                Object forwarded = encodedMessage != null
                        ? new MimeMessage(session, new ByteArrayInputStream(encodedMessage)) : part.getContent();
                if (forwarded instanceof MimeMessage message) {
                    part(message, origin.isEmpty() ? "转发邮件" : origin + " / 转发邮件", depth + 1);
                    return;
                }
            }
            if (filename == null && type.startsWith("text/") && !Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
                String text;
                if (type.equals("text/plain")) {
                    // files uuencoded into the text (begin 644 附件2.doc … end) are attachments like any other
                    UuEncoded.Split split = UuEncoded.split(bytes(part), charset(part));
                    for (UuEncoded.File f : split.files()) {
                        file(f.name().isEmpty() ? generatedName("application/octet-stream") : f.name(),
                                "application/octet-stream", f.bytes(), origin, depth, false);
                    }
                    text = split.text();
                } else {
                    text = text(part);
                }
                if (body == null || (type.equals("text/plain") && body.startsWith("<"))) {
                    body = text;
                }
                if (html == null && type.equals("text/html")) {
                    html = text;
                }
                return;
            }
            byte[] bytes;
            if (encodedMessage != null) {
                bytes = encodedMessage;
            } else {
                try (InputStream in = part.getInputStream()) {
                    bytes = in.readAllBytes();
                }
            }
            String name = filename != null ? filename : generatedName(type);
            boolean inline = type.startsWith("image/") && (part.getHeader("Content-ID") != null
                    || Part.INLINE.equalsIgnoreCase(disposition(part)));
            file(name, type, bytes, origin, depth, inline);
        }

        /** A file found in the message: a mail saved as a file, an archive, or a document to read. */
        private void file(String name, String type, byte[] bytes, String origin, int depth, boolean inline)
                throws MessagingException, IOException {
            if (mail(name, type, bytes, origin, depth)) {
                return;
            }
            if (zips.isArchive(name, bytes)) {
                archive(name, bytes, origin, depth);
            } else {
                attachments.add(new MailAttachment(name, type, bytes, origin, null, false, inline));
            }
        }

        /**
         * A CMS blob: a mail signed as one piece (smime.p7m) is read as the message it holds; a signed
         * file (附件2.pdf.p7m) as the file it holds; an encrypted mail is one entry the sender is told about.
         */
        private void blob(Part part, String type, String filename, String origin, int depth) throws MessagingException, IOException {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            String name = filename != null ? filename : "smime.p7m";
            SecureMail.Opened opened = SecureMail.open(bytes);
            if (opened.content() == null) {
                attachments.add(new MailAttachment(name, type, bytes, origin, opened.problem(), false));
                return;
            }
            String signedFile = SecureMail.signedFileName(filename);
            if (signedFile != null) {
                file(signedFile, "application/octet-stream", opened.content(), origin, depth, false);
            } else {
                part(new MimeBodyPart(new ByteArrayInputStream(opened.content())), origin, depth + 1);
            }
        }

        /** A PGP/MIME encrypted mail: one unreadable entry. */
        private void encrypted(Part part, String name, String origin) throws MessagingException, IOException {
            byte[] bytes = new byte[0];
            if (part.getContent() instanceof Multipart multipart && multipart.getCount() > 1) {
                try (InputStream in = multipart.getBodyPart(multipart.getCount() - 1).getInputStream()) {
                    bytes = in.readAllBytes(); // the encrypted message; the first part only says "Version: 1"
                }
            }
            attachments.add(new MailAttachment(name, "multipart/encrypted", bytes, origin, Unreadable.ENCRYPTED_MAIL, false));
        }

        /**
         * An archive's entries; mails saved as files among them (a district bureau zips the .eml or .msg
         * files of the enterprises' mails) are opened like forwards, their attachments read.
         */
        private void archive(String name, byte[] bytes, String origin, int depth) throws MessagingException, IOException {
            for (MailAttachment a : zips.unpack(name, bytes, origin)) {
                // the unpacker opened the archives inside already: only mails are left to open
                if (a.container() || a.problem() != null || !mail(a.filename(), "", a.content(), a.origin(), depth + 1)) {
                    attachments.add(a);
                }
            }
        }

        /**
         * Opens a file that holds mail, wherever it was found (a part, an archive's entry, an Outlook
         * item's attachment): a winmail.dat or an Outlook item, or a mail saved as a file (.eml), which
         * is kept as the container it is and walked like a forward. Whether it was one.
         */
        private boolean mail(String name, String type, byte[] bytes, String origin, int depth) throws MessagingException, IOException {
            if (depth >= MAX_DEPTH) {
                return false; // kept as a file, like the parts past the depth a forward may have
            }
            if (OutlookContainers.isTnef(bytes) || outlookItem(name, type) && OutlookContainers.isMsg(bytes)) {
                outlook(name, bytes, origin, depth);
                return true;
            }
            if (savedMail(name, bytes)) {
                attachments.add(new MailAttachment(name, SAVED_MAIL_TYPE, bytes, origin, null, true));
                part(new MimeMessage(session, new ByteArrayInputStream(bytes)), origin.isEmpty() ? name : origin + " / " + name,
                        depth + 1);
                return true;
            }
            return false;
        }

        /** A winmail.dat or an attached Outlook item, followed by the files it holds; if it cannot be opened, a file to read. */
        private void outlook(String name, byte[] bytes, String origin, int depth) throws MessagingException, IOException {
            boolean tnef = OutlookContainers.isTnef(bytes);
            List<OutlookContainers.File> files;
            try {
                files = tnef ? OutlookContainers.tnef(bytes) : OutlookContainers.msg(bytes);
            } catch (IOException e) {
                attachments.add(new MailAttachment(name, "application/octet-stream", bytes, origin, null, false));
                return;
            }
            attachments.add(new MailAttachment(name, tnef ? OutlookContainers.TNEF_TYPE : OutlookContainers.MSG_TYPE,
                    bytes, origin, null, true));
            String here = origin.isEmpty() ? name : origin + " / " + name;
            for (OutlookContainers.File f : files) {
                if (mail(f.name(), "", f.content(), here, depth + 1)) {
                    continue; // a mail attached to an Outlook item
                }
                if (zips.isArchive(f.name(), f.content())) {
                    archive(f.name(), f.content(), here, depth + 1);
                } else {
                    attachments.add(new MailAttachment(f.name(), "application/octet-stream", f.content(), here, null, false));
                }
            }
        }

        /** Files the body links to instead of attaching them: kept as entries the sender is told about. */
        void links() {
            java.util.Set<String> attached = new java.util.HashSet<>();
            attachments.forEach(a -> attached.add(a.filename()));
            for (FileLinks.Link link : FileLinks.in(html, body)) {
                if (!attached.contains(link.name())) { // the file came attached as well
                    attachments.add(new MailAttachment(link.name(), "text/uri-list",
                            (link.url() + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8), LINK_ORIGIN,
                            org.formbox.forms.Unreadable.LINK, false));
                }
            }
        }

        private String generatedName(String type) {
            return "未命名附件" + (attachments.size() + 1) + extensionFor(type);
        }
    }

    /**
     * A message/rfc822 part the sender base64- or quoted-printable-encoded (RFC 2046 allows neither, some
     * clients do it): its decoded bytes, which the mail library leaves encoded for message parts. Null
     * for a part sent as it should be.
     */
    private static byte[] encodedMessage(Part part) throws MessagingException, IOException {
        String[] cte = part.getHeader("Content-Transfer-Encoding");
        String encoding = cte == null ? "" : cte[0].strip().toLowerCase(Locale.ROOT);
        if (!encoding.equals("base64") && !encoding.equals("quoted-printable")) {
            return null;
        }
        byte[] raw;
        try (InputStream in = part.getInputStream()) {
            raw = in.readAllBytes();
        }
        if (encoding.equals("base64") && !looksBase64(raw)) {
            return raw; // already decoded by a library configured to
        }
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
            return in.readAllBytes();
        }
    }

    private static boolean looksBase64(byte[] raw) {
        int n = Math.min(raw.length, 1024);
        for (int i = 0; i < n; i++) {
            int c = raw[i] & 0xFF;
            if (!(Character.isLetterOrDigit(c) && c < 0x80 || c == '+' || c == '/' || c == '=' || c == '\r' || c == '\n')) {
                return false;
            }
        }
        return n > 0;
    }

    /** The content type under which a mail saved as a file and opened is kept. */
    static final String SAVED_MAIL_TYPE = "message/rfc822; x-formbox=saved-mail";

    /**
     * Whether a file is a mail saved by a mail program (.eml: Foxmail, Thunderbird, QQ 邮箱's 导出): named
     * so, and starting with a block of mail headers that has a From or a Date.
     */
    static boolean savedMail(String name, byte[] bytes) {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".eml") || bytes.length < 16) {
            return false;
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        int end = head.indexOf("\r\n\r\n") >= 0 ? head.indexOf("\r\n\r\n") : head.indexOf("\n\n");
        if (end < 0 || !head.matches("(?s)^[\\x21-\\x39\\x3B-\\x7E]+:.*")) {
            return false; // not a header block
        }
        String headers = "\n" + head.substring(0, end).toLowerCase(Locale.ROOT);
        return (headers.contains("\nfrom:") || headers.contains("\ndate:"));
    }

    private static boolean outlookItem(String name, String type) {
        return name.toLowerCase(Locale.ROOT).endsWith(".msg") || type.contains("ms-outlook");
    }

    private static String disposition(Part part) {
        try {
            String[] raw = part.getHeader("Content-Disposition");
            return raw == null ? null : new ContentDisposition(raw[0]).getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The file name from Content-Disposition or Content-Type, RFC 2231 and RFC 2047 decoded. */
    static String filename(Part part) throws MessagingException {
        String name = null;
        String[] disposition = part.getHeader("Content-Disposition");
        if (disposition != null) {
            try {
                name = new ContentDisposition(disposition[0]).getParameter("filename");
            } catch (MessagingException malformed) {
                name = rawParameter(disposition[0], "filename");
            }
        }
        if (name == null || name.isBlank()) {
            String[] type = part.getHeader("Content-Type");
            if (type != null) {
                try {
                    name = new ContentType(type[0]).getParameter("name");
                } catch (MessagingException malformed) {
                    name = rawParameter(type[0], "name");
                }
            }
        }
        if (name == null || name.isBlank()) {
            return null;
        }
        String decoded = EncodedWords.decode(name.strip());
        return decoded.replace('\\', '/').replaceAll("^.*/", "").strip();
    }

    private static String rawParameter(String header, String parameter) {
        var m = java.util.regex.Pattern.compile(parameter + "\\s*=\\s*\"?([^\";]+)\"?", java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(header);
        return m.find() ? m.group(1) : null;
    }

    private static String text(Part part) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        Charset cs = charset(part);
        if (cs == null) {
            return EncodedWords.recover8bit(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return new String(bytes, cs);
    }

    private static byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The charset a text part names, or null (none, or one this JVM does not know). */
    private static Charset charset(Part part) throws MessagingException {
        String charset = null;
        try {
            charset = new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException ignored) {
            // an unreadable Content-Type still leaves the bytes; the caller falls back
        }
        return charset == null ? null : EncodedWords.charsetFor(charset);
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException e) {
            return contentType.replaceAll(";.*$", "").strip().toLowerCase(Locale.ROOT);
        }
    }

    private static String extensionFor(String type) {
        return switch (type) {
            case "application/pdf" -> ".pdf";
            case "application/msword" -> ".doc";
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> ".docx";
            case "application/vnd.ms-excel" -> ".xls";
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> ".xlsx";
            case "application/zip", "application/x-zip-compressed" -> ".zip";
            case "message/rfc822" -> ".eml";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "text/html" -> ".html";
            case "text/plain" -> ".txt";
            default -> ".bin";
        };
    }

    /**
     * The first address of From. An old client may write it in raw 8-bit UTF-8 or GBK (an
     * internationalised domain, a display name), which the mail library reads as Latin-1 and cannot
     * parse: then the characters meant are recovered first.
     */
    private static InternetAddress sender(MimeMessage message) {
        Address[] from = safeFrom(message);
        if (from.length > 0 && from[0] instanceof InternetAddress ia && ia.getAddress() != null
                && ia.getAddress().chars().allMatch(c -> c < 0x80)) {
            return ia;
        }
        try {
            String header = message.getHeader("From", null);
            if (header == null) {
                return from.length > 0 && from[0] instanceof InternetAddress ia ? ia : null;
            }
            InternetAddress[] parsed = InternetAddress.parseHeader(
                    EncodedWords.recover8bit(jakarta.mail.internet.MimeUtility.unfold(header)), false);
            return parsed.length > 0 && !parsed[0].isGroup() ? parsed[0] : null;
        } catch (MessagingException | RuntimeException unparsable) {
            return from.length > 0 && from[0] instanceof InternetAddress ia ? ia : null;
        }
    }

    private static Address[] safeFrom(MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            return from == null ? new Address[0] : from;
        } catch (MessagingException e) {
            return new Address[0];
        }
    }

    /** The one plain mailbox of Reply-To, or null: a group or a list of addresses is not a reply address. */
    private static String replyTo(MimeMessage message) {
        try {
            String[] header = message.getHeader("Reply-To");
            return header == null || header.length != 1 ? null : MailboxAddress.single(header[0]).orElse(null);
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            var date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String references(MimeMessage message) throws MessagingException {
        String refs = message.getHeader("References", " ");
        if (refs == null) {
            refs = message.getHeader("In-Reply-To", " "); // clients that thread by In-Reply-To alone
        }
        String id = message.getMessageID();
        if (id == null) {
            return refs;
        }
        return refs == null ? id : refs + " " + id;
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            String value;
            try {
                value = EncodedWords.decode(MimeUtility.unfold(h.getValue()));
            } catch (RuntimeException e) {
                value = h.getValue();
            }
            headers.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return headers;
    }

    private static String lower(String s) {
        return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
    }
}
