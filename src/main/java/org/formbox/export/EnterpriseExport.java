package org.formbox.export;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.formbox.submission.EnterpriseFile;

/** The board's export: the rows shown, as CSV (UTF-8 with a byte-order mark, formulas made inert). */
public final class EnterpriseExport {

    private EnterpriseExport() {
    }

    /** The board rows as CSV text. */
    public static String boardCsv(List<EnterpriseFile> files, Map<Long, Instant> lastReplies, java.time.ZoneId zone) {
        return SubmissionExport.csv(FileRows.board(files, lastReplies), zone);
    }
}
