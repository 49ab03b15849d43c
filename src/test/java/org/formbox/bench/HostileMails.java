package org.formbox.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Broken and hostile attachments, made here rather than committed (one is 50 MB, one inflates to
 * 10 GB): truncated and random files behind office extensions, encrypted Word files, zip bombs,
 * zips nested 20 deep, entity expansion and external entities inside a .docx, a 50 MB file, a
 * mail with 1,000 attachments, macro-enabled files, a file name in an unknown charset, a sparse
 * sheet of a million rows; and hostile messages: over-long and group Reply-To and From, a header
 * line of 1 MB, NUL bytes, unknown charsets, a 40 MB body, 5,000 parts, 2,000 nested levels, a
 * 5,000-character Message-ID, an enterprise name of 600 characters.
 */
final class HostileMails {

    /**
     * One hostile message: what it is, who sent it, its Message-ID, its bytes, and whether its
     * sender must hear MAIL-UNREADABLE (a hostile attachment) or the message must only be stored
     * and leave the inbox (a hostile message).
     */
    record Hostile(String what, String sender, String messageId, byte[] raw, boolean unreadable) {
    }

    private static final Path DOCS = Path.of("sample-submissions/docs");
    private final Random random = new Random(20251128);
    private final String run;
    private final List<Hostile> mails = new ArrayList<>();

    private HostileMails(String run) {
        this.run = run;
    }

    static List<Hostile> make(String run) throws Exception {
        HostileMails h = new HostileMails(run);
        h.build();
        return h.mails;
    }

    private void build() throws Exception {
        byte[] docx = Files.readAllBytes(DOCS.resolve("e01-annex2.docx"));
        byte[] doc = Files.readAllBytes(DOCS.resolve("e02-annex2.doc"));
        byte[] xlsx = Files.readAllBytes(DOCS.resolve("e03-annex2.xlsx"));
        byte[] pdf = Files.readAllBytes(DOCS.resolve("e04-annex2.pdf"));
        for (int percent : new int[] {5, 20, 40, 60, 80, 95, 99}) {
            one("truncated .docx at " + percent + "%", "附件2.docx", cut(docx, percent));
        }
        one("truncated .doc at 50%", "附件2.doc", cut(doc, 50));
        one("truncated .doc at 90%", "附件2.doc", cut(doc, 90));
        one("truncated .xlsx at 50%", "附件2.xlsx", cut(xlsx, 50));
        one("truncated .pdf at 30%", "附件2.pdf", cut(pdf, 30));
        one("truncated .pdf at 90%", "附件2.pdf", cut(pdf, 90));
        for (String ext : new String[] {"docx", "xlsx", "doc", "pdf", "xls", "odt", "wps", "zip"}) {
            one("random bytes as ." + ext, "附件2." + ext, randomBytes(40_000));
            one("random bytes as ." + ext + " (1 byte)", "附件1." + ext, randomBytes(1));
        }
        one("zip magic and random bytes as .docx", "附件2.docx", withHead(new byte[] {'P', 'K', 3, 4}, 30_000));
        one("OLE2 magic and random bytes as .doc", "附件2.doc",
                withHead(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, 30_000));
        one("PDF header and random bytes as .pdf", "附件2.pdf", withHead("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 30_000));
        one("empty .docx", "附件2.docx", new byte[0]);
        one("encrypted .docx (agile)", "附件2.docx", encrypted(docx, EncryptionMode.agile));
        one("encrypted .docx (standard)", "附件2.docx", encrypted(docx, EncryptionMode.standard));
        one("encrypted .xlsx (agile)", "附件2.xlsx", encrypted(xlsx, EncryptionMode.agile));
        byte[] gigabyte = zeros("zeros.bin", 1L << 30);
        one("zip bomb: 1 GB of zeros in one entry", "附件.zip", gigabyte);
        one("zip bomb: 10 GB, ten copies of a 1 GB zip inside a zip", "申报材料.zip", copies(gigabyte, 10));
        one(".docx bomb: document.xml of 1 GB", "附件2.docx", docxWith(docx, "word/document.xml", null, 1L << 30));
        one("zips nested 20 deep", "材料.zip", nested(docx, 20));
        one("billion laughs in document.xml", "附件2.docx", docxWith(docx, "word/document.xml", billionLaughs(), 0));
        one("external entity (file:///etc/passwd) in document.xml", "附件2.docx",
                docxWith(docx, "word/document.xml", externalEntity(), 0));
        one("100,000 nested elements in document.xml", "附件2.docx", docxWith(docx, "word/document.xml", deepXml(100_000), 0));
        one("50 MB attachment", "附件2.docx", randomBytes(50 << 20));
        one(".docm with vbaProject.bin", "附件2.docm", macro(docx));
        one(".docx with vbaProject.bin but plain content types", "附件2.docx",
                docxWith(docx, "word/vbaProject.bin", randomBytes(2048), 0));
        oneRaw("file name in an unknown charset", "application/octet-stream",
                "attachment; filename=\"=?x-unknown-charset?B?" + Base64.getEncoder().encodeToString(randomBytes(12)) + "?=\"",
                cut(docx, 50));
        one("docx without [Content_Types].xml", "附件2.docx", withoutEntry(docx, "[Content_Types].xml"));
        one(".xlsx bomb: sheet1.xml of 1 GB", "附件2.xlsx", docxWith(xlsx, "xl/worksheets/sheet1.xml", null, 1L << 30));
        one("zip with a password-protected entry", "附件.zip", encryptedFlag(nested(docx, 1)));
        one("truncated .zip", "附件.zip", cut(Files.readAllBytes(DOCS.resolve("e08-annexes-gbk.zip")), 50));
        thousand();
        one("sparse .xlsx of 1,000,000 rows (SXSSF)", "附件2.xlsx", millionRows());
        byte[] pictureBomb = org.formbox.support.Pictures.blankPng(30_000, 30_000);
        one("PNG of 900 megapixels in 110 KB", "附件2.png", pictureBomb);
        one(".docx holding only a PNG of 900 megapixels", "附件2.docx", docxWith(
                docxWith(docx, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>"
                        .getBytes(StandardCharsets.UTF_8), 0), "word/media/image1.png", pictureBomb, 0));
        byte[] ofd = Files.readAllBytes(Path.of("src/test/resources/extraction/ofd/annex2-seed.ofd"));
        one(".ofd bomb: a page of 1 GB", "附件2.ofd", docxWith(ofd, "Doc_0/Pages/Page_0/Content.xml", null, 1L << 30));
        one(".ofd with advances for 2,000,000,000 characters", "附件2.ofd", docxWith(ofd, "Doc_0/Pages/Page_0/Content.xml",
                ("<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"1\">"
                        + "<ofd:TextObject ID=\"2\" Boundary=\"0 0 210 297\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"10\" DeltaX=\"g 2000000000 0.001\">"
                        + "企".repeat(300_000) + "</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>").getBytes(StandardCharsets.UTF_8), 0));
        one("smime.p7m of random bytes", "smime.p7m", randomBytes(40_000));
        byte[] nestedDer = new byte[400_000];
        for (int i = 0; i < nestedDer.length; i += 2) {
            nestedDer[i] = 0x30; // SEQUENCE of indefinite length, 200,000 deep
            nestedDer[i + 1] = (byte) 0x80;
        }
        one("smime.p7m nested 200,000 deep", "smime.p7m", nestedDer);
        one("smime.p7m compression bomb: 1 GB of zeros", "smime.p7m", compressedZeros(1L << 30));
        hostileMessages();
    }

    /** RFC 3274 compressed-data holding this many zeros, streamed (BouncyCastle's generator). */
    private static byte[] compressedZeros(long size) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.io.OutputStream c = new org.bouncycastle.cms.CMSCompressedDataStreamGenerator()
                .open(out, new org.bouncycastle.cms.jcajce.ZlibCompressor())) {
            byte[] block = new byte[1 << 20];
            for (long written = 0; written < size; written += block.length) {
                c.write(block);
            }
        }
        return out.toByteArray();
    }

    /** Messages whose headers or structure are the weapon (issue 9): each must be stored and leave the inbox. */
    private void hostileMessages() {
        String fifty = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "member" + i + "@partner-enterprise.com.cn")
                .collect(java.util.stream.Collectors.joining(", "));
        raw("Reply-To: a group of 50 addresses (1,500 characters)", "Reply-To: " + fifty + "\r\n", plainBody());
        raw("Reply-To: undisclosed: a@x, b@y; (a group)", "Reply-To: undisclosed: a@x.example, b@y.example;\r\n", plainBody());
        String longLocal = "x".repeat(330) + "@" + BenchMails.DOMAIN;
        String own = sender();
        mails.add(new Hostile("From: a 330-character local part", longLocal, "<" + own + ">",
                ("From: " + longLocal + "\r\nTo: " + MailServer.COLLECTION + "\r\nMessage-ID: <" + own + ">\r\n" + plainBody())
                        .getBytes(StandardCharsets.ISO_8859_1), false));
        raw("a header line of 1 MB, unfolded", "X-Padding: " + "A".repeat(1 << 20) + "\r\n", plainBody());
        raw("NUL bytes in Subject and From name", "X-Nul: a\u0000b\r\n", plainBody().replace("Subject: ", "Subject: \u0000\u0000"));
        raw("invalid charset names (subject, body, file name)", "", "Subject: =?x-no-such-charset?B?"
                + Base64.getEncoder().encodeToString("申报".getBytes(StandardCharsets.UTF_8)) + "?=\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"cs\"\r\n\r\n--cs\r\nContent-Type: text/plain; charset=\"x-bogus-9\"\r\n\r\n"
                + "body\r\n--cs\r\nContent-Type: application/octet-stream; name=\"=?x-bogus?Q?a=FF?=.docx\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nAAAA\r\n--cs--\r\n");
        String bigBody = Base64.getMimeEncoder().encodeToString(randomBytes(30 << 20));
        raw("a 40 MB base64 text body, no attachment", "", "Subject: body only\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + bigBody + "\r\n");
        StringBuilder tiny = new StringBuilder("Subject: 5000 parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"t\"\r\n\r\n");
        for (int i = 0; i < 5000; i++) {
            tiny.append("--t\r\nContent-Type: text/plain\r\n\r\n").append(i).append("\r\n");
        }
        raw("5,000 tiny parts", "", tiny.append("--t--\r\n").toString());
        StringBuilder deep = new StringBuilder("Subject: nested\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        int depth = 2_000; // GreenMail in the test JVM needs minutes to store 10,000 levels; the service's check is the same
        for (int i = 0; i < depth; i++) {
            deep.append("--b").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i + 1).append("\"\r\n\r\n");
        }
        deep.append("--b").append(depth).append("\r\nContent-Type: text/plain\r\n\r\nbottom\r\n--b").append(depth).append("--\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            deep.append("--b").append(i).append("--\r\n");
        }
        raw("multiparts nested 2,000 levels deep", "", deep.toString());
        String sender = sender();
        String hugeId = "<" + "m".repeat(5000) + "@" + BenchMails.DOMAIN + ">";
        mails.add(new Hostile("a Message-ID of 5,000 characters", sender, hugeId,
                ("From: " + sender + "\r\nTo: " + MailServer.COLLECTION + "\r\nMessage-ID: " + hugeId + "\r\n" + plainBody())
                        .getBytes(StandardCharsets.ISO_8859_1), false));
        String name = "宁波" + "超长名称".repeat(150) + "有限公司";
        raw("an enterprise name of 608 characters", "", "Subject: 调查表\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(("企业名称：" + name + "\n法人代表：王强\n所属行业：汽车零部件\n"
                + "所属地区：北仑区\n注册资金（万元）：3000\n总资产（万元）：26000\n职工总人数（人）：320\n").getBytes(StandardCharsets.UTF_8))
                + "\r\n");
    }

    private static String plainBody() {
        return "Subject: hello\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n您好\r\n";
    }

    /** A hostile message: From, To and Message-ID, the extra header lines, then the rest as given. */
    private void raw(String what, String extraHeaders, String rest) {
        String sender = sender();
        String id = "<" + sender + ">";
        String head = "From: " + sender + "\r\nTo: " + MailServer.COLLECTION + "\r\nMessage-ID: " + id + "\r\n"
                + "Date: Sat, 19 Dec 2026 23:59:00 +0800\r\n" + extraHeaders;
        mails.add(new Hostile(what, sender, id, (head + rest).getBytes(StandardCharsets.UTF_8), false));
    }

    /** A sparse sheet of a million rows, one number each, written by POI's streaming writer: about 8 MB. */
    private static byte[] millionRows() throws IOException {
        try (org.apache.poi.xssf.streaming.SXSSFWorkbook workbook = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet("导出");
            for (int r = 0; r < 1_000_000; r++) {
                sheet.createRow(r).createCell(r % 7).setCellValue(r);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        }
    }

    private static byte[] withoutEntry(byte[] zipBytes, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipBytes)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (!e.getName().equals(name)) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    zip.write(content);
                    zip.closeEntry();
                }
            }
        }
        return out.toByteArray();
    }

    /** Sets the "encrypted" flag on every entry, as a ZipCrypto archive has it. */
    private static byte[] encryptedFlag(byte[] zipBytes) {
        byte[] b = zipBytes.clone();
        for (int i = 0; i + 10 < b.length; i++) {
            if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4) {
                b[i + 6] |= 1; // local header: general purpose flag
            } else if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 1 && b[i + 3] == 2) {
                b[i + 8] |= 1; // central directory: general purpose flag
            }
        }
        return b;
    }

    private void one(String what, String filename, byte[] content) {
        oneRaw(what, "application/octet-stream; name=\"" + BenchMails.MimeText.word(filename) + "\"",
                "attachment; filename=\"" + BenchMails.MimeText.word(filename) + "\"", content);
    }

    private void oneRaw(String what, String contentType, String disposition, byte[] content) {
        String sender = sender();
        mails.add(new Hostile(what, sender, "<" + sender + ">", new BenchMails.MimeText(sender, "<" + sender + ">", "申报材料 " + what)
                .attachRaw(contentType, disposition, content).build(), true));
    }

    private void thousand() {
        String sender = sender();
        BenchMails.MimeText mime = new BenchMails.MimeText(sender, "<" + sender + ">", "申报材料 1000 个附件");
        for (int i = 0; i < 1000; i++) {
            mime.attach("附件" + i + ".docx", "application/octet-stream", randomBytes(200));
        }
        mails.add(new Hostile("1,000 attachments in one mail", sender, "<" + sender + ">", mime.build(), true));
    }

    private String sender() {
        return String.format("%s.h%03d@%s", run, mails.size(), BenchMails.DOMAIN);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private byte[] withHead(byte[] head, int n) {
        byte[] b = randomBytes(n);
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] cut(byte[] b, int percent) {
        return Arrays.copyOf(b, Math.max(1, b.length * percent / 100));
    }

    private static byte[] encrypted(byte[] plain, EncryptionMode mode) throws Exception {
        EncryptionInfo info = new EncryptionInfo(mode);
        Encryptor encryptor = info.getEncryptor();
        encryptor.confirmPassword("2025");
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            try (OutputStream out = encryptor.getDataStream(fs)) {
                out.write(plain);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A zip with one entry of this many zero bytes, deflated (about 1 MB per GB). */
    private static byte[] zeros(String name, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry(name));
            writeZeros(zip, size);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static void writeZeros(OutputStream out, long size) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long left = size; left > 0; left -= block.length) {
            out.write(block, 0, (int) Math.min(block.length, left));
        }
    }

    /** A zip holding copies of one file, stored as they are. */
    private static byte[] copies(byte[] inner, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < n; i++) {
                ZipEntry e = new ZipEntry("part" + i + ".zip");
                e.setMethod(ZipEntry.STORED);
                e.setSize(inner.length);
                CRC32 crc = new CRC32();
                crc.update(inner);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(inner);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] nested(byte[] innermost, int depth) throws IOException {
        byte[] content = innermost;
        String name = "附件2.docx";
        for (int level = depth; level > 0; level--) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content);
                zip.closeEntry();
            }
            content = out.toByteArray();
            name = "level" + level + ".zip";
        }
        return content;
    }

    /**
     * A copy of a .docx with one entry replaced (or added): by these bytes, or, when they are
     * null, by that many bytes of zeros.
     */
    private static byte[] docxWith(byte[] docx, String entry, byte[] bytes, long zeros) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean written = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(entry)) {
                    written = true;
                    if (bytes != null) {
                        zip.write(bytes);
                    } else {
                        writeZeros(zip, zeros);
                    }
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
            if (!written) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private byte[] macro(byte[] docx) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals("[Content_Types].xml")) {
                    content = new String(content, StandardCharsets.UTF_8)
                            .replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
                            .replace("</Types>", "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/></Types>")
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/vbaProject.bin"));
            zip.write(randomBytes(4096));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] billionLaughs() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [\n <!ENTITY lol \"lol\">\n");
        s.append(" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i <= 9; i++) {
            s.append(" <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                s.append("&lol").append(i - 1).append(';');
            }
            s.append("\">\n");
        }
        s.append("]>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] externalEntity() {
        return ("<?xml version=\"1.0\"?>\n<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] deepXml(int depth) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
        s.append("<w:sdt><w:sdtContent>".repeat(depth));
        s.append("</w:sdtContent></w:sdt>".repeat(depth));
        s.append("</w:body></w:document>");
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
