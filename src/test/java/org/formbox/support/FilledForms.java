package org.formbox.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.forms.FormDef;

/**
 * Blank forms the service issued, filled in as a person would (beside each printed label, under
 * each outline heading), and what comes back in a mail: its attachments and its text.
 */
public final class FilledForms {

    private FilledForms() {
    }

    /** Types the answers (by field or cell key) into a blank survey form: beside each printed label. */
    public static byte[] survey(byte[] template, FormDef form, Map<String, String> answers) throws Exception {
        Map<String, String> byLabel = new LinkedHashMap<>();
        form.fields().forEach(f -> byLabel.put(f.label(), answers.get(f.key())));
        form.cells().forEach(c -> byLabel.put(c.label(), answers.get(c.key())));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            XWPFTable table = doc.getTables().get(0);
            for (XWPFTableRow row : table.getRows()) {
                List<XWPFTableCell> cells = row.getTableCells();
                for (int c = 0; c + 1 < cells.size(); c++) {
                    String value = byLabel.get(cells.get(c).getText());
                    if (value != null) {
                        cells.get(c + 1).setText(value);
                    }
                }
                if (form.table() != null) {
                    for (FormDef.Row yearly : form.table().rows()) {
                        if (cells.get(0).getText().equals(yearly.label())) {
                            for (int y = 0; y < form.table().years().size(); y++) {
                                cells.get(2 + y).setText(answers.get(form.table().cellKey(form.table().years().get(y), yearly.key())));
                            }
                        }
                    }
                }
                List<String> contact = form.template().contact();
                if (!contact.isEmpty() && cells.size() == 1 && cells.get(0).getText().startsWith(label(contact.get(0)) + "：")) {
                    cells.get(0).removeParagraph(0);
                    cells.get(0).setText(String.join("    ", contact.stream().map(k -> label(k) + "：" + answers.get(k)).toList()));
                }
            }
            return bytes(doc);
        }
    }

    /** Fills a blank proposal: the cover table's facts (by key) and a paragraph under every outline heading. */
    public static byte[] proposal(byte[] template, Map<String, String> facts, String body) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(template))) {
            for (XWPFTableRow row : doc.getTables().get(0).getRows()) {
                for (FieldDef f : FieldCatalog.projectFacts()) {
                    if (row.getCell(0).getText().startsWith(f.label()) && facts.containsKey(f.key())) {
                        row.getCell(1).setText(facts.get(f.key()));
                    }
                }
            }
            List<XWPFParagraph> paragraphs = List.copyOf(doc.getParagraphs());
            for (int i = 0; i + 1 < paragraphs.size(); i++) {
                if (paragraphs.get(i).getText().matches("\\d+、.*") && paragraphs.get(i + 1).getText().isEmpty()) {
                    paragraphs.get(i + 1).createRun().setText(body);
                }
            }
            return bytes(doc);
        }
    }

    /** The words of a .docx. */
    public static String text(byte[] docx) throws Exception {
        try (XWPFWordExtractor words = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            return words.getText();
        }
    }

    /** The attachments of a mail by their (decoded) names, in mail order. */
    public static Map<String, byte[]> attachments(Part part) throws Exception {
        Map<String, byte[]> found = new LinkedHashMap<>();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                if (p.getFileName() != null) {
                    found.put(MimeUtility.decodeText(p.getFileName()), p.getInputStream().readAllBytes());
                } else {
                    found.putAll(attachments(p));
                }
            }
        }
        return found;
    }

    /** The plain text of a mail, its attachments left out. */
    public static String plainText(Part part) throws Exception {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        StringBuilder out = new StringBuilder();
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                out.append(plainText(mp.getBodyPart(i)));
            }
        }
        return out.toString();
    }

    private static String label(String key) {
        return FieldCatalog.byKey(key).orElseThrow().label();
    }

    private static byte[] bytes(XWPFDocument doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.write(out);
        return out.toByteArray();
    }
}
