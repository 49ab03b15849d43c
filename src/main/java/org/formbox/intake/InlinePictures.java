package org.formbox.intake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Tells a picture shown in a mail's body that may be a photographed or scanned form from a logo or
 * an icon. Phones' mail apps (iPhone Mail, many Android clients) send a photo taken for the mail as
 * an inline image, the way a signature's logo is sent; what tells them apart is the size.
 */
final class InlinePictures {

    /** A picture of at least this many pixels (a phone photo has millions, a logo thousands). */
    static final long MIN_PIXELS = 1_000_000;
    /** Bytes from which a picture whose size cannot be read (HEIC) is taken for a photo. */
    static final int MIN_BYTES = 200_000;

    private InlinePictures() {
    }

    /** Whether this inline picture is large enough to be read as a document. */
    static boolean mayBeDocument(byte[] content) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return content.length >= MIN_BYTES;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return (long) reader.getWidth(0) * reader.getHeight(0) >= MIN_PIXELS; // the header only
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return content.length >= MIN_BYTES;
        }
    }
}
