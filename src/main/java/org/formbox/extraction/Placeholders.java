package org.formbox.extraction;

import java.util.regex.Pattern;

/**
 * The prompt texts Word and WPS show in a content control until someone types into it
 * ({@code 单击或点击此处输入文字。}). A control left untouched is a blank, not an answer.
 */
final class Placeholders {

    private static final Pattern PROMPT = Pattern.compile(
            "(?:单击|点击|轻触|单击或点击|点击或轻触)(?:或(?:点击|轻触))?此处(?:以)?(?:输入|键入)(?:文字|文本|日期|内容)?[。.]?"
                    + "|选择一项[。.]?|请(?:在此处)?(?:输入|选择|填写)(?:文字|内容|日期)?[。.]?|在此处键入[。.]?"
                    + "|Click (?:or tap )?(?:here )?to enter (?:text|a date)\\.?|Click (?:or tap )?here to enter text\\.?"
                    + "|Choose an item\\.?",
            Pattern.CASE_INSENSITIVE);

    private Placeholders() {
    }

    /** Whether the text is nothing but prompts (and spaces). */
    static boolean only(String text) {
        return text != null && !text.isBlank() && strip(text).isBlank();
    }

    /** The text without any prompt left in it. */
    static String strip(String text) {
        return text == null ? null : PROMPT.matcher(text).replaceAll("");
    }
}
