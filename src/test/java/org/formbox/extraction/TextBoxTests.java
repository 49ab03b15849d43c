package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.formbox.forms.Annex;
import org.formbox.forms.FieldValue;
import org.junit.jupiter.api.Test;

/**
 * Text boxes in Word documents, both fixtures written by LibreOffice ({@code extraction/text-boxes/make-text-boxes.sh}):
 * a proposal whose two 已有工作基础 sections are written in text frames, and a survey table converted from a
 * PDF into ~200 positioned text boxes.
 */
class TextBoxTests {

    private static final DocumentReader READER = new DocumentReader();
    private static final Path DIR = Path.of("src/test/resources/extraction/text-boxes");

    @Test
    void sectionsWrittenInTextBoxesAreReadOnceAsTheSectionsTheyAre() throws IOException {
        ReadDocument boxed = READER.read("附件1.docx", Files.readAllBytes(DIR.resolve("annex1-text-boxes.docx")));
        ReadDocument plain = READER.read("附件1.docx", Files.readAllBytes(Path.of("sample-submissions/docs/e05-annex1.docx")));

        assertThat(boxed.annex()).isEqualTo(Annex.valueOf("ANNEX_1"));
        assertThat(boxed.fields().get("foundation.research").text())
                .startsWith("公司自2012年起开展高速高精度SCARA机器人相关研究")
                .isEqualTo(plain.fields().get("foundation.research").text());
        assertThat(boxed.fields().get("foundation.conditions").text())
                .startsWith("公司建有市级企业工程技术中心")
                .isEqualTo(plain.fields().get("foundation.conditions").text());
        // the box and its VML fallback are one text, read once; everything else as in the document without boxes
        assertThat(texts(boxed)).isEqualTo(texts(plain));
    }

    @Test
    void aPageLaidOutInPositionedTextBoxesIsNotReadAsWordsOutOfPlace() throws IOException {
        ReadDocument read = READER.read("附件2.docx", Files.readAllBytes(DIR.resolve("annex2-pdf-converted.docx")));

        // read in document order its fragments gave a survey of wrong values (a district in the region,
        // numbers of three cells in one); none is taken, and the sender is asked for the original instead
        // of being told that the file is no form
        assertThat(read.fields()).isEmpty();
        assertThat(read.unreadable()).isEqualTo(org.formbox.forms.Unreadable.BOX_LAYOUT);
        assertThat(read.unreadable().reason()).contains("文本框", "PDF 转换");
        assertThat(read.unreadable().remedy()).contains("Word 原文件", "PDF");
    }

    private static Map<String, String> texts(ReadDocument read) {
        Map<String, String> texts = new TreeMap<>();
        read.fields().forEach((key, value) -> texts.put(key, value.text()));
        return texts;
    }
}
