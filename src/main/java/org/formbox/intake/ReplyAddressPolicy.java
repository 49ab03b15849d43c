package org.formbox.intake;

import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.formbox.reply.MailboxAddress;

/**
 * Chooses the one person a reply goes to. {@code Reply-To} is taken only when it is a single plain
 * mailbox that passes the same machine-sender checks as {@code From}; a group, several addresses,
 * a role, list or machine address, or the collection address itself is passed over for
 * {@code From}, which must itself be one plain mailbox of a person. Reads the raw header lines:
 * decoded text could turn an encoded word into an address the sender never wrote as one.
 */
final class ReplyAddressPolicy {

    private final AutoReplyPolicy machines;

    ReplyAddressPolicy(AutoReplyPolicy machines) {
        this.machines = machines;
    }

    /**
     * Where the reply goes, or why none does.
     *
     * @param address the normalised mailbox, or null
     * @param refused why no reply goes out, or null
     * @param note    why {@code Reply-To} was passed over, or null
     */
    record Choice(String address, String refused, String note) {
    }

    /** The choice for a raw message (its header lines are all that is read). */
    Choice choose(byte[] raw) {
        InternetHeaders headers;
        try {
            headers = new InternetHeaders(new ByteArrayInputStream(raw));
        } catch (Exception | StackOverflowError unreadable) {
            return new Choice(null, "no reply address: unreadable headers", null);
        }
        return choose(raw8bit(headers.getHeader("Reply-To")), raw8bit(headers.getHeader("From")));
    }

    /** Header lines written in raw UTF-8 or GBK (internationalised domains) read back as the characters meant. */
    private static String[] raw8bit(String[] values) {
        if (values == null) {
            return null;
        }
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = EncodedWords.recover8bit(values[i]);
        }
        return out;
    }

    Choice choose(String[] replyTo, String[] from) {
        String note = null;
        if (replyTo != null) {
            Optional<String> single = replyTo.length == 1 ? MailboxAddress.single(replyTo[0]) : Optional.empty();
            if (single.isEmpty()) {
                note = "Reply-To is not one plain mailbox";
            } else {
                Optional<String> machine = machines.machineAddress(single.get());
                if (machine.isEmpty()) {
                    return new Choice(single.get(), null, null);
                }
                note = "Reply-To passed over: " + machine.get();
            }
        }
        Optional<String> sender = from != null && from.length == 1 ? MailboxAddress.single(from[0]) : Optional.empty();
        if (sender.isEmpty()) {
            return new Choice(null, "no reply address: From is not one plain mailbox"
                    + (note == null ? "" : "; " + note), note);
        }
        Optional<String> machine = machines.machineAddress(sender.get());
        if (machine.isPresent()) {
            return new Choice(null, "no reply address: " + machine.get() + (note == null ? "" : "; " + note), note);
        }
        return new Choice(sender.get(), null, note);
    }
}
