package org.formbox.extraction;

import org.formbox.forms.FormDef;

/** Reads a survey form's answers from a document's tables first, then from its running text for what is still missing. */
final class SurveyReader {

    private final SurveyGridReader grids;
    private final SurveyLineReader lines;

    SurveyReader(org.formbox.forms.FormDef form) {
        LabelMatcher labels = FieldLabels.survey(form);
        FormDef.Template template = form.template();
        grids = template == null ? new SurveyGridReader(labels) : new SurveyGridReader(labels,
                java.util.stream.Stream.concat(template.rows().stream(), java.util.stream.Stream.of(template.contact())).toList(),
                template.freeText());
        lines = new SurveyLineReader(labels);
    }

    FieldCollector read(DocumentContent content) {
        FieldCollector out = new FieldCollector();
        content.grids().forEach(g -> grids.read(g, out));
        out.from(content.textOrigin());
        out.seal();
        lines.read(content.lines(), out);
        out.settle(content.textOrigin());
        return out;
    }
}
