package org.formbox.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.formbox.submission.Submissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, the raw archive is reconciled with the store: a message that was archived but never
 * saved (the process died, or the store was down, between the two) is processed now, like any
 * message from the mailbox. Duplicate detection makes this safe to repeat: a message saved under
 * another archive name (a redelivery) is recognised, and one the intake is processing at the same
 * moment is saved once.
 */
public final class ArchiveReconciliation {

    private static final Logger log = LoggerFactory.getLogger(ArchiveReconciliation.class);

    private final Path root;
    private final Submissions submissions;
    private final MailIntake intake;

    public ArchiveReconciliation(Path root, Submissions submissions, MailIntake intake) {
        this.root = root;
        this.submissions = submissions;
        this.intake = intake;
    }

    /** Processes every archived message without a submission; returns how many submissions that made. */
    public int reconcile() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Set<String> stored = submissions.archivePaths();
        List<Path> archived;
        try (Stream<Path> files = Files.walk(root, 2)) {
            archived = files.filter(f -> f.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
        int made = 0;
        for (Path file : archived) {
            String relative = root.relativize(file).toString().replace('\\', '/');
            if (stored.contains(relative)) {
                continue;
            }
            try {
                Instant received = Files.getLastModifiedTime(file).toInstant();
                // a message over the size limit is never read whole, here neither
                MailIntake.Outcome outcome = intake.overLimit(Files.size(file))
                        ? intake.tooLarge(archived(file, relative), received)
                        : intake.ingest(Files.readAllBytes(file), received);
                if (outcome.created()) {
                    made++;
                    log.info("Archived message {} had no submission: saved as {} ({})", relative, outcome.submissionId(),
                            outcome.status());
                }
            } catch (Exception e) {
                log.warn("Archived message {} could not be reconciled now: {}", relative, e.toString());
            }
        }
        log.info("Archive reconciled: {} message(s) archived, {} without a submission saved now", archived.size(), made);
        return made;
    }

    /** The archive entry of a file already in the archive, its hash read from its name. */
    private static RawArchive.Entry archived(Path file, String relative) throws IOException {
        String name = file.getFileName().toString();
        try (var in = Files.newInputStream(file)) {
            return new RawArchive.Entry(name.substring(0, name.length() - ".eml".length()), relative, RawArchive.fingerprint(in));
        }
    }
}
