package org.formbox.intake;

import java.util.regex.Pattern;

/**
 * What a person wrote in a mail themselves, without the quoted mail they answer, and whether that
 * text asks for a person: a question, a thank-you or any other words of their own in a mail without
 * forms. A mail that only says "请查收" (it meant to carry forms) or says nothing is not such a mail:
 * it gets the blank forms instead.
 */
final class OwnText {

    /** Lines where the quoted or forwarded mail begins, as Chinese and Western clients write them. */
    private static final Pattern QUOTE_START = Pattern.compile(
            "^\\s*(-{2,}\\s*(原始邮件|原始郵件|Original Message|Original|转发邮件|转发的邮件|Forwarded message|回复的原邮件).*"
                    + "|_{5,}.*|-- ?"
                    + "|(发件人|寄件者|From)\\s*[:：].*"
                    + "|在\\s.*写道\\s*[:：]?\\s*|.*\\d{4}.*写道\\s*[:：]?\\s*|On\\s.*wrote:\\s*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUESTION = Pattern.compile("[？?]|请问|怎么|怎样|如何|能否|可否|是否|吗|哪里|什么|多少|咨询|请教");
    private static final Pattern SEE_ATTACHED = Pattern.compile("请查收|请查阅|见附件|附件是|附件为|详见附件|附上|随附|随信");

    private OwnText() {
    }

    /** Whether a mail that carries no form needs a person to answer it. */
    static boolean needsPerson(UnpackedMail mail) {
        String own = of(mail.bodyText());
        if (own.isEmpty()) {
            return false;
        }
        if (QUESTION.matcher(own).find()) {
            return true;
        }
        if (SEE_ATTACHED.matcher(own).find()) {
            return false; // it meant to send the forms: the blank forms help more than a person
        }
        return mail.attachments().stream().allMatch(a -> a.inline() || a.container());
    }

    /** The text a person wrote, quoted mail, signature separator and markup left out; blank when none. */
    static String of(String body) {
        if (body == null) {
            return "";
        }
        String text = body.stripLeading().startsWith("<") ? html(body) : body;
        StringBuilder own = new StringBuilder();
        for (String line : text.split("\\R")) {
            if (QUOTE_START.matcher(line).matches()) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            own.append(line.strip()).append('\n');
        }
        return own.toString().replace('\u00a0', ' ').replace('\u3000', ' ').strip();
    }

    private static String html(String body) {
        return body.replaceAll("(?is)<(blockquote|style|script|head)\\b.*?</\\1>", "\n")
                .replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
