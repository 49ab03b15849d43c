package org.formbox.intake;

import org.formbox.forms.Unreadable;

/**
 * One file found in a message, at any depth.
 *
 * @param filename    decoded name (generated when the sender gave none)
 * @param contentType the type the sender declared, without parameters
 * @param content     the bytes as received
 * @param origin      where it was found: empty at the top, else e.g. {@code 转发邮件} or {@code 资料.zip}
 * @param problem     why it could not be unpacked (a zip too large, an encrypted entry), or null
 * @param container   whether it is a zip whose entries follow as attachments of their own
 * @param inline      an image shown in the mail body (a signature logo, a pasted picture), not a file sent
 */
public record MailAttachment(String filename, String contentType, byte[] content, String origin,
                             Unreadable problem, boolean container, boolean inline) {

    /** A file as sent, not shown inline. */
    public MailAttachment(String filename, String contentType, byte[] content, String origin, Unreadable problem,
                          boolean container) {
        this(filename, contentType, content, origin, problem, container, false);
    }
}
