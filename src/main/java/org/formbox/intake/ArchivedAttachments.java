package org.formbox.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Attachments taken again from the raw archive: the store keeps no copy of a file larger than
 * the readers accept, and the archived message holds every byte of it.
 */
@Component
public class ArchivedAttachments {

    private final RawArchive archive;
    private final MailUnpacker unpacker;

    ArchivedAttachments(RawArchive archive, MailUnpacker unpacker) {
        this.archive = archive;
        this.unpacker = unpacker;
    }

    /** The n-th attachment (in the order the store numbers them) of the message archived at this path. */
    public Optional<byte[]> content(String archivePath, int n) {
        try {
            List<MailAttachment> attachments = unpacker.unpack(archive.read(archivePath)).attachments();
            return n >= 0 && n < attachments.size() ? Optional.of(attachments.get(n).content()) : Optional.empty();
        } catch (Exception unreadable) {
            return Optional.empty();
        }
    }
}
