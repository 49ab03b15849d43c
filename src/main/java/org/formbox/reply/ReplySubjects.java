package org.formbox.reply;

import java.util.regex.Pattern;

/**
 * The subjects of the mails that go out: the outcome in brackets, then the enterprise (or what the
 * sender wrote), then the receipt number. A subject that already went back and forth is cleaned
 * first, so that prefixes never stack ("回执：Re: 回执：…" becomes one clean subject).
 */
public final class ReplySubjects {

    /** Reply and forward prefixes of common clients, and the tags and receipts this service adds. */
    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|fw|fwd|aw|wg|sv|vs|回复|答复|回覆|转发|轉寄|回执)\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*[:：]"
                    + "|【(?:需更正|请更正|已受理|未收到表格|已收到来信|答复|回执|收表汇总)[^】]*】)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RECEIPT = Pattern.compile("\\s*[（(]\\s*(?:回执号\\s*)?FB-\\d+\\s*[）)]\\s*$");

    private ReplySubjects() {
    }

    /** The tag of a status: what the sender learns before opening the mail. */
    public static String tag(String status) {
        return switch (status) {
            case "ACCEPTED" -> "【已受理】";
            case "NEEDS_CORRECTION" -> "【需更正】";
            case "NO_FORM" -> "【未收到表格】";
            case "NEEDS_ANSWER" -> "【已收到来信】";
            default -> "【已收到】";
        };
    }

    /** The subject of an automatic reply. */
    public static String reply(String status, String enterprise, String originalSubject, String receipt) {
        String topic = enterprise != null && !enterprise.isBlank() ? enterprise.strip() + " 申报材料"
                : clean(originalSubject).isEmpty() ? "您的来信" : clean(originalSubject);
        return tag(status) + topic + "（回执号 " + receipt + "）";
    }

    /** The subject of a staff member's answer to a mail. */
    public static String answer(String originalSubject) {
        String topic = clean(originalSubject);
        return "答复：" + (topic.isEmpty() ? "您的来信" : topic);
    }

    /** A subject without the reply and forward prefixes, our tags and receipt numbers. */
    public static String clean(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.replaceAll("\\s+", " ").strip();
        String before;
        do {
            before = s;
            s = PREFIX.matcher(s).replaceFirst("");
            s = RECEIPT.matcher(s).replaceFirst("");
            s = s.strip();
        } while (!s.equals(before));
        return s;
    }
}
