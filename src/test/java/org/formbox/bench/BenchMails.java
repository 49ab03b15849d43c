package org.formbox.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.zip.ZipOutputStream;

/**
 * Realistic submissions in any number: the LibreOffice-made forms of {@code sample-submissions/docs},
 * each message from its own sender with its own Message-ID, and in the Word files the enterprise
 * renamed (the name is rewritten inside {@code word/document.xml}), so that every message is a
 * distinct enterprise. The mix of the issue: docx 50 %, doc 20 %, xlsx 10 %, pdf 15 %, zip 5 %.
 */
final class BenchMails {

    static final String DOMAIN = "ent.example.cn";
    private static final Path DOCS = Path.of("sample-submissions/docs");
    private static final Path EXPECTED = Path.of("sample-submissions/expected");
    private static final String[] DOCX_SETS = {"e01", "e05", "e06", "e09", "e10", "e11", "e12", "e14"};
    private static final String BRAND = "华星明睿甬芯康迪碳谷金鼎达晶瑞恒锐磁源海瑞天宇博远中科新光启航东方立信安泰宏图鑫隆正和瑞丰";
    private static final Pattern NAME = Pattern.compile("\"enterprise_name\"\\s*:\\s*\"([^\"]+)\"");

    /** The kind of a submission, by the format of its annex 2. */
    enum Kind { DOCX, DOC, XLSX, PDF, ZIP }

    /**
     * One generated message.
     *
     * @param sender    its unique sender address
     * @param kind      its format
     * @param raw       the bytes as delivered
     * @param documents its attachments (a zip's entries unpacked), for the raw parse floor
     */
    record Mail(String sender, Kind kind, byte[] raw, Map<String, byte[]> documents) {
    }

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final String run;

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
        }
    }

    /** The kind of message number i: 10 of every 20 docx, 4 doc, 2 xlsx, 3 pdf, 1 zip. */
    static Kind kind(int i) {
        int slot = i % 20;
        return slot < 10 ? Kind.DOCX : slot < 14 ? Kind.DOC : slot < 16 ? Kind.XLSX : slot < 19 ? Kind.PDF : Kind.ZIP;
    }

    static String sender(String run, int i) {
        return String.format("%s.%05d@%s", run, i, DOMAIN);
    }

    Mail mail(int i) throws IOException {
        Kind kind = kind(i);
        String enterprise = "宁波" + brand(i);
        Map<String, byte[]> docs = new LinkedHashMap<>();
        String zipName = null;
        byte[] zip = null;
        switch (kind) {
            case DOCX -> {
                String set = DOCX_SETS[(i / 20 + i) % DOCX_SETS.length];
                docs.put("附件1-项目实施方案-" + enterprise + ".docx", renamed(set + "-annex1.docx", names.get(set), enterprise));
                docs.put("附件2-企业基本情况调查表-" + enterprise + ".docx", renamed(set + "-annex2.docx", names.get(set), enterprise));
            }
            case DOC -> {
                docs.put("附件1 项目实施方案.doc", files.get("e02-annex1.doc"));
                docs.put("附件2 企业基本情况调查表.doc", files.get("e02-annex2.doc"));
            }
            case XLSX -> {
                docs.put("附件1-项目实施方案.docx", renamed("e03-annex1.docx", names.get("e03"), enterprise));
                docs.put("附件2-企业基本情况调查表.xlsx", files.get("e03-annex2.xlsx"));
            }
            case PDF -> {
                docs.put("附件1：项目实施方案.docx", renamed("e04-annex1.docx", names.get("e04"), enterprise));
                docs.put("附件2：企业基本情况调查表.pdf", files.get("e04-annex2.pdf"));
            }
            case ZIP -> {
                zipName = "科技创新2025申报材料.zip";
                zip = files.get("e08-annexes-gbk.zip");
                try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), java.nio.charset.Charset.forName("GB18030"))) {
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
                "科技创新2025重大专项申报材料-" + enterprise + "有限公司");
        if (zip != null) {
            mime.attach(zipName, "application/x-zip-compressed", zip);
        } else {
            for (var d : docs.entrySet()) {
                mime.attach(d.getKey(), contentType(d.getKey()), d.getValue());
            }
        }
        return new Mail(sender, kind, mime.build(), docs);
    }

    private static String brand(int i) {
        int n = BRAND.length();
        return "" + BRAND.charAt(i % n) + BRAND.charAt((i / n) % n) + BRAND.charAt((i / n / n) % n);
    }

    /** A copy of a Word file with the enterprise name replaced in its text. */
    private byte[] renamed(String file, String from, String enterprise) throws IOException {
        byte[] source = files.get(file);
        if (from == null) {
            return source;
        }
        // keep the legal form of the original name ("有限公司", "股份有限公司"), change the rest
        String to = enterprise + from.substring(from.indexOf("有限公司") > 0 && from.contains("股份") ? from.indexOf("股份") : from.indexOf("有限公司"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(source.length + 256);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(source));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    content = new String(content, StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
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
