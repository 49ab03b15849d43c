package org.formbox.intake;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;

/** A message's raw bytes, fetched whole into memory, or streamed piece by piece when it is too large for that. */
final class MessageBytes {

    /** How much of a message's beginning is read for its header lines when the rest is not read. */
    static final int MAX_HEAD = 256 * 1024;
    /** The size of each piece of a streamed message: one IMAP round trip each (GreenMail copies the whole message for each). */
    private static final int PIECE = 8 << 20;

    private MessageBytes() {
    }

    /**
     * The message's size as the server gives it (RFC822.SIZE), fetched alone: the envelope the mail
     * library would fetch with it cannot be parsed for some messages (a group Reply-To such as
     * "undisclosed: a@x, b@y;"), and those must still be read. -1 when the server does not say.
     */
    static long size(Message message) {
        try {
            if (message instanceof IMAPMessage imap && message.getFolder() instanceof IMAPFolder folder) {
                int number = imap.getMessageNumber();
                Object size = folder.doCommand(protocol -> {
                    var responses = protocol.fetch(number, "RFC822.SIZE");
                    RFC822SIZE item = FetchResponse.getItem(responses, number, RFC822SIZE.class);
                    protocol.notifyResponseHandlers(responses);
                    protocol.handleResult(responses[responses.length - 1]);
                    return item == null ? -1L : item.size;
                });
                return (Long) size;
            }
            return message.getSize();
        } catch (Exception | StackOverflowError unknown) {
            return -1;
        }
    }

    /** The bytes of a message whose size (from the envelope, -1 when unknown) is within the limit. */
    static byte[] read(Message message, long size) throws Exception {
        // sized from the envelope: no doubling of the buffer, no copy at the end
        Exact bytes = new Exact(size > 0 && size < Integer.MAX_VALUE - 64 * 1024 ? (int) size + 1024 : 8192);
        message.writeTo(bytes);
        return bytes.bytes();
    }

    /**
     * Writes a message to the stream without holding it in memory: from an IMAP server in pieces
     * of 8 MB ({@code BODY.PEEK[]<start.length>}, so that it stays unseen), otherwise (a local
     * message) as the mail library writes it.
     */
    static void stream(Message message, OutputStream out) throws Exception {
        if (!(message instanceof IMAPMessage imap) || !(message.getFolder() instanceof IMAPFolder folder)) {
            message.writeTo(out);
            return;
        }
        int number = imap.getMessageNumber();
        long start = 0;
        while (true) {
            final int from = (int) start;
            BODY body = (BODY) folder.doCommand(protocol -> protocol.peekBody(number, "", from, PIECE));
            if (body == null || body.getByteArray() == null) {
                if (start == 0) {
                    throw new MessagingException("the server sent no body for message " + number);
                }
                return;
            }
            var piece = body.getByteArray();
            out.write(piece.getBytes(), piece.getStart(), piece.getCount());
            start += piece.getCount();
            if (piece.getCount() < PIECE) {
                return;
            }
        }
    }

    /** A byte buffer that hands over its array when it is exactly full. */
    private static final class Exact extends ByteArrayOutputStream {
        Exact(int size) {
            super(size);
        }

        byte[] bytes() {
            return count == buf.length ? buf : Arrays.copyOf(buf, count);
        }
    }
}
