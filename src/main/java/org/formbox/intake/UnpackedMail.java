package org.formbox.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message as read from its raw bytes.
 *
 * @param messageId   the Message-ID header, or null
 * @param sender      the sender's address, lower-cased
 * @param senderName  the sender's display name, or null
 * @param replyTo     where replies go (Reply-To, else From)
 * @param returnPath  the Return-Path header as received, or null
 * @param subject     decoded subject
 * @param sentAt      the Date header, or null
 * @param references  the References and Message-ID chain for threading a reply
 * @param headers     every top-level header, names lower-cased, values decoded
 * @param contentType the top-level content type, without parameters
 * @param bodyText    the first text body, for forms pasted into the mail
 * @param bodyHtml    the HTML body when the mail has one (a form pasted into it keeps its table), or null
 * @param attachments every file found, in order
 * @param truncated   whether the message had more parts, or deeper nesting, than are unpacked
 */
public record UnpackedMail(String messageId, String sender, String senderName, String replyTo, String returnPath,
                           String subject, Instant sentAt, String references, Map<String, List<String>> headers,
                           String contentType, String bodyText, String bodyHtml,
                           List<MailAttachment> attachments, boolean truncated) {

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the message has this header at all. */
    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase(java.util.Locale.ROOT));
    }
}
