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

    /** The bytes of an archived message. */
    public byte[] read(String relativePath) throws IOException {
        Path file = root.resolve(relativePath).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IOException("outside the archive: " + relativePath);
        }
        return Files.readAllBytes(file);
    }

    /**
     * The hash that identifies a message across deliveries: its bytes without the trace headers
     * (Return-Path, Received, Delivered-To …) that each delivery adds in front.
     */
    public static String fingerprint(byte[] raw) {
        int pos = 0;
        boolean dropping = false;
        // hashed as it goes rather than copied: a 70 MB message must not cost another 70 MB of heap
        MessageDigest kept = sha256();
        while (pos < raw.length) {
            int end = pos;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int next = Math.min(end + 1, raw.length);
            int length = end - pos - (end > pos && raw[end - 1] == '\r' ? 1 : 0);
            if (length == 0) {
                kept.update(raw, pos, raw.length - pos);
                break;
            }
            boolean continuation = raw[pos] == ' ' || raw[pos] == '\t';
            if (!continuation) {
                String line = new String(raw, pos, Math.min(length, 40), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .toLowerCase(java.util.Locale.ROOT);
                dropping = TRACE.stream().anyMatch(line::startsWith);
            }
            if (!dropping) {
                kept.update(raw, pos, next - pos);
            }
            pos = next;
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
