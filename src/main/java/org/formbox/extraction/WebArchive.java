package org.formbox.extraction;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A web archive (MHT, "单个文件网页"): what Word writes when a document is saved as a single-file web
 * page, and what many web systems hand out as a ".doc" to fill in. It is a MIME message whose first
 * HTML part is the document; that part is read as HTML, the pictures beside it are not needed.
 */
final class WebArchive {

    private static final Pattern MIME_HEAD = Pattern.compile("(?im)^MIME-Version:\\s*1\\.0");
    private static final Pattern RELATED = Pattern.compile("(?im)^Content-Type:\\s*multipart/related");
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final int MAX_PARTS = 500;

    private WebArchive() {
    }

    /** Whether a document starting with this (its first kilobyte, as Latin-1) is a web archive: a MIME header of multipart/related. */
    static boolean is(String head) {
        String start = head.stripLeading();
        return (start.regionMatches(true, 0, "MIME-Version", 0, 12) || start.regionMatches(true, 0, "From:", 0, 5)
                || start.regionMatches(true, 0, "Content-Type", 0, 12))
                && MIME_HEAD.matcher(head).find() && RELATED.matcher(head).find();
    }

    /**
     * The archive's page as UTF-8 HTML with a byte-order mark (so that its own {@code <meta charset=gb2312>}
     * no longer decides).
     *
     * @throws IOException when it cannot be read or holds no HTML part
     */
    static byte[] page(byte[] content) throws IOException {
        try {
            MimeMessage archive = new MimeMessage(SESSION, new ByteArrayInputStream(content));
            String html = firstHtml(archive, new int[1]);
            if (html == null) {
                throw new IOException("a web archive without an HTML page");
            }
            return ("\uFEFF" + html).getBytes(StandardCharsets.UTF_8);
        } catch (MessagingException | RuntimeException e) {
            throw new IOException("unreadable web archive", e);
        }
    }

    private static String firstHtml(Part part, int[] parts) throws MessagingException, IOException {
        if (++parts[0] > MAX_PARTS) {
            return null;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String html = firstHtml(child, parts);
                if (html != null) {
                    return html;
                }
            }
            return null;
        }
        if (!part.isMimeType("text/html")) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return new String(bytes, charset(part.getContentType()));
    }

    private static Charset charset(String contentType) {
        try {
            String name = new ContentType(contentType).getParameter("charset");
            if (name == null) {
                return StandardCharsets.UTF_8;
            }
            // gb2312 as labelled is GBK as written
            return name.equalsIgnoreCase("gb2312") || name.equalsIgnoreCase("gbk") ? Charset.forName("GB18030") : Charset.forName(name);
        } catch (MessagingException | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }
}
