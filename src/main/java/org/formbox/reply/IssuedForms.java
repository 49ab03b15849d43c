package org.formbox.reply;

import java.util.List;
import org.formbox.extraction.TemplateWriter;
import org.springframework.stereotype.Component;

/** The blank forms of the call, made from the same field definitions the readers use. */
@Component
class IssuedForms implements BlankForms {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private final List<Form> forms = List.of(
            new Form("附件1-项目实施方案（模板）.docx", DOCX, TemplateWriter.annex1()),
            new Form("附件2-行业重点企业基本情况调查表（模板）.docx", DOCX, TemplateWriter.annex2()));

    @Override
    public List<Form> forms() {
        return forms;
    }
}
