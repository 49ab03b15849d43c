package org.formbox.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much of the inbox the intake takes at a time ({@code formbox.intake.batch.*}).
 *
 * @param size    at most this many messages a batch
 * @param bytes   at most this many bytes of messages a batch (by their RFC822.SIZE), fetched in one
 *                command; a message larger than this is fetched on its own when its turn comes
 * @param readers messages read side by side; 0: one per processor, at least two
 * @param group   messages saved in one transaction at least, when the batch holds them and they are
 *                read within {@code groupWait}: the saving waits for them rather than commit each
 *                message that happens to be read first (a commit writes a chunk to disk, about the
 *                cost of a message's statements). Messages read already by then join the group too.
 * @param groupWait how long the saving waits, for one group, for the messages it lacks; a slow
 *                message (a scan being read) does not hold back the replies of those read before it
 */
@ConfigurationProperties("formbox.intake.batch")
public record BatchSettings(@DefaultValue("25") int size,
                            @DefaultValue("16MB") DataSize bytes,
                            @DefaultValue("0") int readers,
                            @DefaultValue("8") int group,
                            @DefaultValue("250ms") java.time.Duration groupWait) {

    /** How many messages are read side by side. */
    int threads() {
        return readers > 0 ? readers : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
