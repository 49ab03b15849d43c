package org.formbox.validation;

import java.util.ArrayList;
import java.util.List;
import org.formbox.forms.Annex;
import org.formbox.forms.FormDef;
import org.formbox.forms.FormNames;

/** The message as a whole: MAIL-UNREADABLE per attachment, MAIL-NO-FORM for the message. */
final class MailRules {

    private MailRules() {
    }

    static List<Finding> check(List<CheckedDocument> documents) {
        List<Finding> findings = new ArrayList<>();
        boolean annexRead = false;
        for (CheckedDocument document : documents) {
            if (document.annex() == Annex.UNREADABLE) {
                findings.add(Finding.error("MAIL-UNREADABLE", unreadableMessage(document)));
            }
            annexRead |= document.annex().isForm();
        }
        // An unreadable attachment is most likely the form itself: telling the sender how to
        // resend it is more helpful than also claiming that no form was attached.
        if (!annexRead && findings.isEmpty()) {
            findings.add(Finding.error("MAIL-NO-FORM", "邮件中没有找到" + FormNames.each(FormDef::name, "或") + "，"
                    + "请将填写好的表格作为附件重新发送。"));
        }
        return findings;
    }

    private static String unreadableMessage(CheckedDocument document) {
        if (document.unreadable() == null) {
            return "附件“" + document.filename() + "”无法读取，请重新保存为 Word（.docx）文件后再发送。";
        }
        return "附件“" + document.filename() + "”无法读取：" + document.unreadable().reason() + "，"
                + document.unreadable().remedy() + "。";
    }
}
