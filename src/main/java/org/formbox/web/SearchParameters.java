package org.formbox.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.formbox.forms.Annex;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The search parameters of the API and the pages, checked before they reach the store: a page,
 * size, day or status out of range is a 400 with a sentence saying which parameter and why, never
 * a 500 or a silently empty list.
 */
@RestControllerAdvice
class SearchParameters {

    static final int MAX_PAGE = 100_000;
    static final int MAX_SIZE = 500;
    private static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2100, 12, 31);

    /** A parameter out of range. */
    static final class BadParameter extends RuntimeException {

        private final String parameter;

        BadParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }

    /** Search criteria with every parameter checked; blank means "any". */
    static SubmissionSearch.Criteria criteria(String sender, String enterprise, String status, String annex, String region,
                                              String programme, LocalDate from, LocalDate to) {
        day("from", from);
        day("to", to);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadParameter("from", "参数 from（" + from + "）晚于 to（" + to + "），请调换或更正日期。");
        }
        return new SubmissionSearch.Criteria(sender, enterprise, named("status", status, Arrays.stream(SubmissionStatus.values()).map(Enum::name).toList()),
                named("annex", annex, Annex.values().stream().map(Annex::name).toList()), region, programme, from, to);
    }

    static int page(int page) {
        if (page < 0 || page > MAX_PAGE) {
            throw new BadParameter("page", "参数 page 应在 0 到 " + MAX_PAGE + " 之间，收到的是 " + page + "。");
        }
        return page;
    }

    static int size(int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw new BadParameter("size", "参数 size 应在 1 到 " + MAX_SIZE + " 之间，收到的是 " + size + "。");
        }
        return size;
    }

    private static void day(String name, LocalDate day) {
        if (day != null && (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY))) {
            throw new BadParameter(name, "参数 " + name + " 应是 " + FIRST_DAY + " 到 " + LAST_DAY + " 之间的日期，收到的是 " + day + "。");
        }
    }

    private static String named(String parameter, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(name)) {
            throw new BadParameter(parameter, "参数 " + parameter + " 应是 " + String.join("、", allowed)
                    + " 之一，收到的是“" + shorten(value) + "”。");
        }
        return name;
    }

    @ExceptionHandler(BadParameter.class)
    ResponseEntity<Map<String, String>> badParameter(BadParameter e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage(), "parameter", e.parameter));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, String>> unreadable(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "" : type == LocalDate.class ? "，应为 yyyy-MM-dd 格式的日期"
                : type == int.class || type == long.class || type == Integer.class || type == Long.class ? "，应为整数" : "";
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error",
                "参数 " + e.getName() + " 的值“" + shorten(String.valueOf(e.getValue())) + "”无法识别" + expected + "。",
                "parameter", e.getName()));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, String>> missing(MissingServletRequestParameterException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", "缺少参数 " + e.getParameterName() + "。",
                "parameter", e.getParameterName()));
    }

    private static String shorten(String value) {
        String v = value.replaceAll("\\p{Cntrl}", "");
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
