package org.formbox.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.formbox.forms.Regions;
import org.formbox.roster.RosterReader.Column;
import org.formbox.submission.EnterpriseRegistry;
import org.formbox.submission.Submissions;
import org.springframework.stereotype.Service;

/**
 * A coordinator's roster upload: reads the file, reports each bad row (and why), and makes the
 * good rows the roster; uploading again updates it. Entries are matched to the enterprises that
 * already wrote by their normalised name (or a name linked by hand).
 */
@Service
public class RosterUpload {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SEPARATORS = Pattern.compile("[;；,，、\\s]+");

    private final EnterpriseRegistry registry;

    public RosterUpload(EnterpriseRegistry registry) {
        this.registry = registry;
    }

    /**
     * A row that was not taken, or taken only in part.
     *
     * @param row     its row number in the file (0: the file as a whole)
     * @param problem what was wrong and what was done, in Chinese
     */
    public record Problem(int row, String problem) {
    }

    /**
     * The outcome (docs/API.md).
     *
     * @param rows     data rows read (blank lines not counted)
     * @param added    new roster entries
     * @param updated  entries that existed (same name) and were updated
     * @param removed  entries of the previous roster missing from this one (their files stay)
     * @param problems the rows not taken or taken in part
     */
    public record Result(int rows, int added, int updated, int removed, List<Problem> problems) {
    }

    /** Reads and applies a roster file. A file that cannot be read changes nothing. */
    public Result upload(String filename, byte[] content) {
        RosterReader.Read read = RosterReader.read(filename, content);
        if (read.problem() != null) {
            return new Result(0, 0, 0, 0, List.of(new Problem(0, read.problem())));
        }
        List<Problem> problems = new ArrayList<>();
        List<EnterpriseRegistry.RosterEntry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        for (RosterReader.Line line : read.lines()) {
            if (line.cells().values().stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            rows++;
            String name = line.get(Column.NAME);
            if (name == null) {
                problems.add(new Problem(line.row(), "缺少企业名称，本行未导入"));
                continue;
            }
            name = name.replaceAll("[\\s\\u3000]+", "");
            Integer first = seen.putIfAbsent(Submissions.normaliseName(name), line.row());
            if (first != null) {
                problems.add(new Problem(line.row(), "与第 " + first + " 行的企业名称重复，本行未再导入"));
                continue;
            }
            String email = null;
            String emailCell = line.get(Column.EMAIL);
            if (emailCell != null) {
                for (String part : SEPARATORS.split(emailCell.strip())) {
                    if (EMAIL.matcher(part).matches()) {
                        email = part;
                        break;
                    }
                }
                if (email == null) {
                    problems.add(new Problem(line.row(), "邮箱“" + emailCell.strip() + "”格式不正确，已导入企业但未记录邮箱"));
                }
            }
            String region = line.get(Column.REGION);
            String canonical = region == null ? null : Regions.canonical(region).orElse(region);
            entries.add(new EnterpriseRegistry.RosterEntry(name, canonical, line.get(Column.CONTACT), email,
                    line.get(Column.PHONE), line.row()));
        }
        if (entries.isEmpty()) {
            problems.add(new Problem(0, "没有可导入的企业，名单未更改"));
            return new Result(rows, 0, 0, 0, problems);
        }
        EnterpriseRegistry.RosterResult result = registry.replaceRoster(entries);
        return new Result(rows, result.added(), result.updated(), result.removed(), problems);
    }
}
