package org.formbox.extraction;

/** Reads Annex 2 answers from a document's tables first, then from its running text for what is still missing. */
final class SurveyReader {

    private final LabelMatcher labels = FieldLabels.survey();
    private final SurveyGridReader grids = new SurveyGridReader(labels);
    private final SurveyLineReader lines = new SurveyLineReader(labels);

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
