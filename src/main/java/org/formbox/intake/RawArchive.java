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

    /** The folder the archive lives in. */
    public Path root() {
        return root;
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
        return new Entry(hash, relative, fingerprint(raw));
    }

    /** Writes a message's bytes to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws Exception;
    }

    /**
     * Stores a message written straight to disk, never held in memory whole (a message over the
     * intake's size limit): hashed while it is written, fingerprinted from the file afterwards.
     */
    public Entry store(Writer writer) throws Exception {
        Files.createDirectories(root);
        Path tmp = Files.createTempFile(root, "incoming", ".tmp");
        try {
            MessageDigest digest = sha256();
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                 OutputStream out = new java.security.DigestOutputStream(new java.io.BufferedOutputStream(
                         java.nio.channels.Channels.newOutputStream(channel), 1 << 16), digest)) {
                writer.writeTo(out);
                out.flush();
                channel.force(true);
            }
            String hash = HexFormat.of().formatHex(digest.digest());
            String relative = hash.substring(0, 2) + "/" + hash + ".eml";
            Path target = root.resolve(relative);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(tmp);
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            String fingerprint;
            try (java.io.InputStream in = Files.newInputStream(target)) {
                fingerprint = fingerprint(in);
            }
            return new Entry(hash, relative, fingerprint);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The size in bytes of an archived message. */
    public long size(String relativePath) throws IOException {
        return Files.size(resolve(relativePath));
    }

    /**
     * The header lines of an archived message, up to the blank line that ends them or {@code max}
     * bytes, whichever comes first: all that is read of a message too large to be read whole.
     */
    public byte[] head(String relativePath, int max) throws IOException {
        try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(resolve(relativePath)))) {
            java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
            int lineLength = 0;
            int c;
            while (head.size() < max && (c = in.read()) >= 0) {
                head.write(c);
                if (c == '\n') {
                    if (lineLength == 0) {
                        break; // the blank line after the headers
                    }
                    lineLength = 0;
                } else if (c != '\r') {
                    lineLength++;
                }
            }
            return head.toByteArray();
        }
    }

    private Path resolve(String relativePath) throws IOException {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IOException("outside the archive: " + relativePath);
        }
        return file;
    }

    /** The bytes of an archived message. */
    public byte[] read(String relativePath) throws IOException {
        return Files.readAllBytes(resolve(relativePath));
    }

    /**
     * The hash that identifies a message across deliveries: its bytes without the trace headers
     * (Return-Path, Received, Delivered-To …) that each delivery adds in front.
     */
    public static String fingerprint(byte[] raw) {
        try {
            return fingerprint(new java.io.ByteArrayInputStream(raw));
        } catch (IOException cannotHappen) {
            throw new java.io.UncheckedIOException(cannotHappen);
        }
    }

    /** The same, read from a stream (an archived file): only the header lines are looked at one by one. */
    public static String fingerprint(java.io.InputStream in) throws IOException {
        // hashed as it goes rather than copied: a 70 MB message must not cost another 70 MB of heap
        MessageDigest kept = sha256();
        java.io.InputStream input = in instanceof java.io.BufferedInputStream ? in : new java.io.BufferedInputStream(in, 1 << 16);
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        boolean dropping = false;
        while (true) {
            line.reset();
            int c;
            while ((c = input.read()) >= 0) {
                line.write(c);
                if (c == '\n') {
                    break;
                }
            }
            if (line.size() == 0) {
                break; // the end, in the headers
            }
            byte[] b = line.toByteArray();
            int end = b.length - (b[b.length - 1] == '\n' ? 1 : 0);
            int length = end - (end > 0 && b[end - 1] == '\r' ? 1 : 0);
            if (length == 0) {
                kept.update(b);
                input.transferTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), kept));
                break;
            }
            boolean continuation = b[0] == ' ' || b[0] == '\t';
            if (!continuation) {
                String name = new String(b, 0, Math.min(length, 40), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .toLowerCase(java.util.Locale.ROOT);
                dropping = TRACE.stream().anyMatch(name::startsWith);
            }
            if (!dropping) {
                kept.update(b);
            }
            if (c < 0) {
                break;
            }
        }
        return HexFormat.of().formatHex(kept.digest());
    }

    private static final java.util.List<String> TRACE = java.util.List.of("return-path:", "received:", "delivered-to:",
            "x-original-to:", "x-received:", "authentication-results:", "received-spf:", "x-greenmail-");

    /** SHA-256 in lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An archived message.
     *
     * @param hash        SHA-256 of the bytes
     * @param path        path relative to the archive root
     * @param fingerprint the hash without trace headers, the same for every delivery of one message
     */
    public record Entry(String hash, String path, String fingerprint) {
    }
}
