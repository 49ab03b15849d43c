package org.formbox.web;

import java.util.List;
import java.util.Locale;
import org.formbox.submission.EnterpriseFile;
import org.formbox.submission.EnterpriseState;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * The board's and the API's filter of files: by state (one state, or {@code MISSING} for both
 * missing-annex states, or {@code LATE}), by a part of the district and of the programme; the
 * result in action-first order.
 */
record BoardFilter(String state, String region, String programme) {

    static BoardFilter of(String state, String region, String programme) {
        String s = blank(state) ? null : state.strip().toUpperCase(Locale.ROOT);
        if (s != null && !s.equals("MISSING") && !s.equals("LATE") && !s.equals("HELD")) {
            try {
                EnterpriseState.valueOf(s);
            } catch (IllegalArgumentException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown state " + state);
            }
        }
        return new BoardFilter(s, blank(region) ? null : region.strip(), blank(programme) ? null : programme.strip());
    }

    List<EnterpriseFile> apply(List<EnterpriseFile> files) {
        return files.stream().filter(this::matches).sorted(EnterpriseFile.ACTION_FIRST).toList();
    }

    private boolean matches(EnterpriseFile f) {
        if (state != null) {
            boolean ok = switch (state) {
                case "MISSING" -> f.state().isMissing();
                case "LATE" -> f.late();
                case "HELD" -> !f.held().isEmpty();
                default -> f.state().name().equals(state);
            };
            if (!ok) {
                return false;
            }
        }
        if (region != null && (f.region() == null || !f.region().contains(region))) {
            return false;
        }
        return programme == null || f.programme() != null && f.programme().contains(programme);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
