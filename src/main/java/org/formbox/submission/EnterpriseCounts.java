package org.formbox.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of the collection, every one taken from the files' states: the dashboard, the board,
 * the digest, the workbook and the API all show these numbers.
 *
 * @param expected        on the roster (应交)
 * @param accepted        files ACCEPTED (已交齐)
 * @param missing         files missing a form (缺件: every MISSING_&lt;annex&gt; state)
 * @param needsCorrection files NEEDS_CORRECTION (需更正)
 * @param notSubmitted    roster entries with nothing received (未提交)
 * @param late            files marked late (逾期)
 * @param unexpected      enterprises that wrote without being on the roster (名单外)
 * @param total           every file
 * @param byState         files per state, in the order of {@link EnterpriseState}
 */
public record EnterpriseCounts(long expected, long accepted, long missing, long needsCorrection, long notSubmitted,
                               long late, long unexpected, long total, Map<EnterpriseState, Long> byState) {

    /** The counts of these files. */
    public static EnterpriseCounts of(List<EnterpriseFile> files) {
        Map<EnterpriseState, Long> byState = new LinkedHashMap<>();
        for (EnterpriseState s : EnterpriseState.values()) {
            byState.put(s, files.stream().filter(f -> f.state().equals(s)).count());
        }
        return new EnterpriseCounts(files.stream().filter(EnterpriseFile::onRoster).count(),
                byState.get(EnterpriseState.ACCEPTED),
                files.stream().filter(f -> f.state().isMissing()).count(),
                byState.get(EnterpriseState.NEEDS_CORRECTION), byState.get(EnterpriseState.NOT_SUBMITTED),
                files.stream().filter(EnterpriseFile::late).count(),
                files.stream().filter(f -> !f.onRoster()).count(), files.size(), byState);
    }

    /** The headline figures in the order staff read them, label → count. */
    public Map<String, Long> headline() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("应交", expected);
        m.put("已交齐", accepted);
        m.put("缺件", missing);
        m.put("需更正", needsCorrection);
        m.put("未提交", notSubmitted);
        m.put("逾期", late);
        m.put("名单外", unexpected);
        return m;
    }
}
