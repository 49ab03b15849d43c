package org.formbox.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Raw messages written the way Chinese mail clients write them, byte for byte. */
public final class TestMails {

    public static final Charset GBK = Charset.forName("GBK");

    private final StringBuilder parts = new StringBuilder();
    private final String boundary = "----=_Part_" + UUID.randomUUID();
    private final String from;
    private String subject = "=?GBK?B?" + b64("科技创新2025申报材料".getBytes(GBK)) + "?=";
    private String messageId = "<" + UUID.randomUUID() + "@mail.example.cn>";
    private String extraHeaders = "";
    private String body = "您好，附件是我单位的申报材料，请查收。";

    private TestMails(String from) {
        this.from = from;
    }

    /** A message from this address. */
    public static TestMails from(String address) {
        return new TestMails(address);
    }

    public TestMails subject(String text) {
        this.subject = "=?UTF-8?B?" + b64(text.getBytes(StandardCharsets.UTF_8)) + "?=";
        return this;
    }

    public TestMails messageId(String id) {
        this.messageId = id;
        return this;
    }

    public TestMails header(String line) {
        this.extraHeaders += line + "\r\n";
        return this;
    }

    public TestMails body(String text) {
        this.body = text;
        return this;
    }

    public String messageId() {
        return messageId;
    }

    /**
     * An attachment whose GBK name is split into two encoded words in the middle of a character,
     * as Foxmail and Outlook do with long names.
     */
    public TestMails attachSplitGbk(String filename, byte[] content) {
        byte[] name = filename.getBytes(GBK);
        int cut = 3; // inside the second two-byte character
        String encoded = "=?GBK?B?" + b64(Arrays.copyOfRange(name, 0, cut)) + "?=\r\n =?GBK?B?"
                + b64(Arrays.copyOfRange(name, cut, name.length)) + "?=";
        return attachRaw("application/octet-stream; name=\"" + encoded + "\"",
                "attachment; filename=\"" + encoded + "\"", content);
    }

    /** An attachment named the RFC 2231 way. */
    public TestMails attachRfc2231(String filename, byte[] content) {
        String encoded = java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return attachRaw("application/octet-stream", "attachment; filename*=UTF-8''" + encoded, content);
    }

    /** An attachment without any name. */
    public TestMails attachNameless(String contentType, byte[] content) {
        return attachRaw(contentType, "attachment", content);
    }

    /** A whole message forwarded as a message/rfc822 part. */
    public TestMails forward(byte[] original) {
        parts.append("--").append(boundary).append("\r\n")
                .append("Content-Type: message/rfc822\r\n")
                .append("Content-Disposition: inline\r\n\r\n")
                .append(new String(original, StandardCharsets.ISO_8859_1)).append("\r\n");
        return this;
    }

    public TestMails attachRaw(String contentType, String disposition, byte[] content) {
        parts.append("--").append(boundary).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n")
                .append("Content-Disposition: ").append(disposition).append("\r\n")
                .append("Content-Transfer-Encoding: base64\r\n\r\n")
                .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
        return this;
    }

    /** The raw bytes, headers and GBK text body included. */
    public byte[] build() {
        String head = "From: =?GBK?B?" + b64("张伟".getBytes(GBK)) + "?= <" + from + ">\r\n"
                + "To: forms@formbox.test\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "Date: Sat, 28 Nov 2026 10:00:00 +0800\r\n"
                + "X-Mailer: Foxmail 7.2.25.375[cn]\r\n"
                + extraHeaders
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=\"GBK\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + b64(body.getBytes(GBK)) + "\r\n";
        String all = head + parts + "--" + boundary + "--\r\n";
        return all.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A message whose body is multipart inside multipart, this many levels deep, with one line of text at the bottom. */
    public static byte[] nestedMultiparts(String from, String messageId, int depth) {
        StringBuilder m = new StringBuilder("From: " + from + "\r\nTo: forms@formbox.test\r\nSubject: nested\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 0; i < depth; i++) {
            m.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
        }
        m.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nbottom\r\n--b").append(depth).append("--\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            m.append("--b").append(i).append("--\r\n");
        }
        return m.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A zip whose entry names are GBK without the UTF-8 flag, as Windows in Chinese writes them. */
    public static byte[] gbkZip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, GBK)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i]));
                zip.write(contents[i]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
