package org.formbox.intake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The raw archive: every message received, as its original bytes, named by their SHA-256. Written
 * before anything else happens to a message, and durable (flushed, then renamed into place), so
 * that everything after it can be recomputed from here.
 */
public final class RawArchive {

    private final Path root;

    public RawArchive(Path root) {
        this.root = root;
    }

    /** Stores the message unless it is already there; returns its hash and relative path. */
    public Entry store(byte[] raw) throws IOException {
        String hash = sha256(raw);
        String relative = hash.substring(0, 2) + "/" + hash + ".eml";
        Path target = root.resolve(relative);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), hash, ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(raw);
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Entry(hash, relative);
    }

    /** The bytes of an archived message. */
    public byte[] read(String relativePath) throws IOException {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IOException("outside the archive: " + relativePath);
        }
        return Files.readAllBytes(file);
    }

    /** SHA-256 in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An archived message.
     *
     * @param hash SHA-256 of the bytes
     * @param path path relative to the archive root
     */
    public record Entry(String hash, String path) {
    }
}
