package org.formbox.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Realistic submissions in any number: the LibreOffice-made forms of {@code sample-submissions/docs},
 * each message from its own sender with its own Message-ID, and in every document the enterprise
 * renamed ({@link Renames}: in the XML parts of .docx and .xlsx, also inside the zip; in the text of
 * the Word 97 .doc and in the glyph codes of the PDF by a name of the same length), so that every
 * message is a distinct enterprise in every format. The mix of the issue: docx 50 %, doc 20 %,
 * xlsx 10 %, pdf 15 %, zip 5 %.
 */
final class BenchMails {

    static final String DOMAIN = "ent.example.cn";
    private static final Path DOCS = Path.of("sample-submissions/docs");
    private static final Path EXPECTED = Path.of("sample-submissions/expected");
    private static final String[] DOCX_SETS = {"e01", "e05", "e06", "e09", "e10", "e11", "e12", "e14"};
    /** The characters of the new names, each once (a character twice would give two messages one name). */
    private static final String BRAND = "华星明睿甬芯康迪碳谷金鼎达晶瑞恒锐磁源海瑞天宇博远中科新光启航东方立信安泰宏图鑫隆正和瑞丰".chars().distinct()
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    private static final Pattern LEAD = Pattern.compile("\"lead_organization\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("\"enterprise_name\"\\s*:\\s*\"([^\"]+)\"");

    /** The kind of a submission, by the format of its annex 2. */
    enum Kind { DOCX, DOC, XLSX, PDF, ZIP }

    /**
     * One generated message.
     *
     * @param sender    its unique sender address
     * @param kind      its format
     * @param enterprise the enterprise its documents name (every message its own)
     * @param raw       the bytes as delivered
     * @param documents its attachments (a zip's entries unpacked), for the raw parse floor
     */
    record Mail(String sender, Kind kind, String enterprise, byte[] raw, Map<String, byte[]> documents) {
    }

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> names1 = new LinkedHashMap<>();
    private final String run;
    private final String pdfAlphabet;
    private static final java.nio.charset.Charset GBK_NAMES = java.nio.charset.Charset.forName("GB18030");

    BenchMails(String run) throws IOException {
        this.run = run;
        try (var list = Files.list(DOCS)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
        for (String set : List.of("e01", "e02", "e03", "e04", "e05", "e06", "e08", "e09", "e10", "e11", "e12", "e14")) {
            Matcher m = NAME.matcher(Files.readString(EXPECTED.resolve(set + "-annex2.json")));
            if (m.find()) {
                names.put(set, m.group(1));
            }
            Matcher lead = LEAD.matcher(Files.readString(EXPECTED.resolve(set + "-annex1.json")));
            if (lead.find()) {
                names1.put(set, lead.group(1));
            }
        }
        pdfAlphabet = Renames.pdfAlphabet(files.get("e04-annex2.pdf"), names.get("e04"));
    }

    /** The kind of message number i: 10 of every 20 docx, 4 doc, 2 xlsx, 3 pdf, 1 zip. */
    static Kind kind(int i) {
        int slot = i % 20;
        return slot < 10 ? Kind.DOCX : slot < 14 ? Kind.DOC : slot < 16 ? Kind.XLSX : slot < 19 ? Kind.PDF : Kind.ZIP;
    }

    /** The sample set message number i is made from. */
    static String set(int i) {
        return switch (kind(i)) {
            case DOCX -> DOCX_SETS[(i / 20 + i) % DOCX_SETS.length];
            case DOC -> "e02";
            case XLSX -> "e03";
            case PDF -> "e04";
            case ZIP -> "e08";
        };
    }

    /** The enterprise name of a sample set's annex 1 (its lead organisation) or annex 2. */
    String originalName(String set, boolean annex1) {
        return annex1 ? names1.get(set) : names.get(set);
    }

    static String sender(String run, int i) {
        return String.format("%s.%05d@%s", run, i, DOMAIN);
    }

    Mail mail(int i) throws IOException {
        Kind kind = kind(i);
        Map<String, byte[]> docs = new LinkedHashMap<>();
        String zipName = null;
        byte[] zip = null;
        String set = set(i);
        String from1 = names1.get(set);
        String from2 = names.get(set);
        String to1 = rename(i, from1);
        String enterprise = rename(i, from2);
        switch (kind) {
            case DOCX -> {
                docs.put("附件1-项目实施方案-" + enterprise + ".docx", Renames.inPackage(files.get(set + "-annex1.docx"), from1, to1));
                docs.put("附件2-企业基本情况调查表-" + enterprise + ".docx", Renames.inPackage(files.get(set + "-annex2.docx"), from2, enterprise));
            }
            case DOC -> {
                docs.put("附件1 项目实施方案.doc", Renames.inWord97(files.get(set + "-annex1.doc"), from1, to1));
                docs.put("附件2 企业基本情况调查表.doc", Renames.inWord97(files.get(set + "-annex2.doc"), from2, enterprise));
            }
            case XLSX -> {
                docs.put("附件1-项目实施方案.docx", Renames.inPackage(files.get(set + "-annex1.docx"), from1, to1));
                docs.put("附件2-企业基本情况调查表.xlsx", Renames.inPackage(files.get(set + "-annex2.xlsx"), from2, enterprise));
            }
            case PDF -> {
                docs.put("附件1：项目实施方案.docx", Renames.inPackage(files.get(set + "-annex1.docx"), from1, to1));
                docs.put("附件2：企业基本情况调查表.pdf", Renames.inPdf(files.get(set + "-annex2.pdf"), from2, enterprise));
            }
            case ZIP -> {
                zipName = "科技创新2025申报材料.zip";
                String to2 = enterprise;
                zip = Renames.rezip(files.get("e08-annexes-gbk.zip"), GBK_NAMES, (name, content) -> !name.endsWith(".docx") ? content
                        : name.contains("附件1") ? Renames.inPackage(content, from1, to1) : Renames.inPackage(content, from2, to2), from2);
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), GBK_NAMES)) {
                    for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                        if (!e.isDirectory()) {
                            docs.put(e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        String sender = sender(run, i);
        MimeText mime = new MimeText(sender, "<" + run + "." + i + "@" + DOMAIN + ">",
                "科技创新2025重大专项申报材料-" + enterprise);
        if (zip != null) {
            mime.attach(zipName, "application/x-zip-compressed", zip);
        } else {
            for (var d : docs.entrySet()) {
                mime.attach(d.getKey(), contentType(d.getKey()), d.getValue());
            }
        }
        return new Mail(sender, kind, enterprise, mime.build(), docs);
    }

    /**
     * The new name of a document's enterprise in message i: the brand after the city and the original's
     * legal form; in a .doc and a PDF, whose text is changed in place, a name of the original's length
     * (in a PDF made of the characters its fonts hold).
     */
    String rename(int i, String original) {
        return switch (kind(i)) {
            case DOC -> sameLength(original, brand(BRAND, i));
            case PDF -> sameLength(original, brand(pdfAlphabet, i));
            default -> withLegalForm("宁波" + brand(BRAND, i), original);
        };
    }

    /** Three characters of the alphabet, different for every i below its length cubed. */
    static String brand(String alphabet, int i) {
        int n = alphabet.length();
        return "" + alphabet.charAt(i % n) + alphabet.charAt((i / n) % n) + alphabet.charAt((i / n / n) % n);
    }

    /** The original's legal form ("有限公司", "股份有限公司") after the new name. */
    static String withLegalForm(String name, String original) {
        int at = original.contains("股份") ? original.indexOf("股份") : original.indexOf("有限公司");
        return name + (at > 0 ? original.substring(at) : "有限公司");
    }

    /** The original with the characters after its city (the first two) replaced by the brand's: as many characters. */
    static String sameLength(String original, String brand) {
        if (original.length() < 2 + brand.length() + 2) {
            throw new IllegalArgumentException("too short a name to rename: " + original);
        }
        return original.substring(0, 2) + brand + original.substring(2 + brand.length());
    }

    static String contentType(String name) {
        String n = name.toLowerCase();
        if (n.endsWith(".docx")) {
            return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        }
        if (n.endsWith(".xlsx")) {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }
        if (n.endsWith(".doc")) {
            return "application/msword";
        }
        if (n.endsWith(".pdf")) {
            return "application/pdf";
        }
        return "application/octet-stream";
    }

    /** A message as Outlook and Foxmail write one: UTF-8 encoded-word names, base64 parts. */
    static final class MimeText {
        private final String boundary = "----=_NextPart_" + Long.toHexString(System.nanoTime());
        private final StringBuilder parts = new StringBuilder();
        private final String head;

        MimeText(String from, String messageId, String subject) {
            this.head = "From: " + word("企业联系人") + " <" + from + ">\r\n"
                    + "To: forms@formbox.test\r\n"
                    + "Subject: " + word(subject) + "\r\n"
                    + "Date: Sat, 28 Nov 2026 10:00:00 +0800\r\n"
                    + "Message-ID: " + messageId + "\r\n"
                    + "X-Mailer: Microsoft Outlook 16.0\r\n"
                    + "MIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                    + "--" + boundary + "\r\n"
                    + "Content-Type: text/plain; charset=\"UTF-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                    + Base64.getMimeEncoder().encodeToString("您好，附件是我单位的申报材料，请查收。".getBytes(StandardCharsets.UTF_8))
                    + "\r\n";
        }

        MimeText attach(String filename, String contentType, byte[] content) {
            return attachRaw(contentType + ";\r\n\tname=\"" + word(filename) + "\"",
                    "attachment;\r\n\tfilename=\"" + word(filename) + "\"", content);
        }

        MimeText attachRaw(String contentType, String disposition, byte[] content) {
            parts.append("--").append(boundary).append("\r\n")
                    .append("Content-Type: ").append(contentType).append("\r\n")
                    .append("Content-Disposition: ").append(disposition).append("\r\n")
                    .append("Content-Transfer-Encoding: base64\r\n\r\n")
                    .append(Base64.getMimeEncoder().encodeToString(content)).append("\r\n");
            return this;
        }

        byte[] build() {
            return (head + parts + "--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1);
        }

        static String word(String text) {
            return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
        }
    }

    static List<Mail> make(String run, int n) throws IOException {
        BenchMails mails = new BenchMails(run);
        List<Mail> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(mails.mail(i));
        }
        return result;
    }
}
