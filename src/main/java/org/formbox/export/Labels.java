package org.formbox.export;

import java.util.Map;
import org.formbox.forms.Annex;

/** The Chinese names staff see for statuses, severities and annexes. */
public final class Labels {

    private static final Map<String, String> STATUS = Map.of(
            "ACCEPTED", "已受理",
            "NEEDS_CORRECTION", "需更正",
            "NO_FORM", "未附表格",
            "IGNORED", "已忽略",
            "FAILED", "处理失败",
            "NEEDS_ANSWER", "待答复");

    private Labels() {
    }

    /** The name of a status, or the status itself when unknown. */
    public static String status(String status) {
        return status == null ? "" : STATUS.getOrDefault(status, status);
    }

    /** 错误 or 提示. */
    public static String severity(String severity) {
        return "error".equals(severity) ? "错误" : "提示";
    }

    /** The name of an annex, or blank for a document that was not read. */
    public static String annex(String annex) {
        if (annex == null) {
            return "";
        }
        return Annex.valueOf(annex).label();
    }
}
