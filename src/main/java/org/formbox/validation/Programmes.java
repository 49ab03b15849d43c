package org.formbox.validation;

import java.text.Normalizer;
import org.formbox.forms.FieldCatalog;

/** Whether an answer names one of the call's programmes (专项). */
final class Programmes {

    private Programmes() {
    }

    /**
     * Containment tolerates surrounding words (关键基础零部件专项); dropping the joining words
     * tolerates 高档数控机床和机器人 or 智能芯片与基础软件.
     */
    static boolean recognises(String answer) {
        return FieldCatalog.programmes().stream().anyMatch(p -> comparable(answer).contains(comparable(p)));
    }

    private static String comparable(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s与和及、]", "");
    }
}
