package org.formbox.reply;

import java.util.List;
import org.formbox.extraction.TemplateWriter;
import org.springframework.stereotype.Component;

/** The blank forms of the call, made from the call definition the readers use, named as its templates say. */
@Component
class IssuedForms implements BlankForms {

    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /** Written once, when the service starts: the active call does not change while it runs. */
    private final List<Form> forms = TemplateWriter.blanks().stream()
            .map(b -> new Form(b.filename(), DOCX, b.content())).toList();

    @Override
    public List<Form> forms() {
        return forms;
    }
}
