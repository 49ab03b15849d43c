package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * How phones and web mail send files: a photo shown in the body (iPhone Mail), a photo in the phone's
 * own format (HEIC), a file too large for the mail sent as a link (QQ 邮箱的超大附件), a netdisk share,
 * Outlook's winmail.dat, both annexes exported as OFD (WPS's 输出为 OFD) and zipped, and a district
 * bureau's zip of the enterprises' mails saved as .eml files.
 */
@MailboxTest
class PhonesAndLinksTests {

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    org.springframework.web.context.WebApplicationContext web;

    Mailbox mailbox;

    @BeforeEach
    void connect() {
        mailbox = new Mailbox(settings);
    }

    @Test
    void aFileSentAsQqMailsLargeAttachmentLinkIsNamedAndTheSenderIsAskedToAttachIt() throws Exception {
        String sender = "wangfang@nbtest-co.cn";
        byte[] annex1 = annexOf("01-docx-pair-clean.eml", "附件1");
        String html = FileLinksTests.QQ_LARGE_ATTACHMENT;
        String text = "您好，附件1见附件，附件2太大，用超大附件发送。\n\n从QQ邮箱发来的超大附件\n\n"
                + "附件2-宁波测试有限公司基本情况调查表.xlsx (23.61M, 2026年12月31日 10:30 到期)\n"
                + "进入下载页面：https://wx.mail.qq.com/ftn/download?func=3&k=a1b2c3d4e5f6&key=9f8e7d6c&code=77aa\n";
        String raw = head(sender, "X-QQ-Mid: zesmtpgz1t1701234567tq7d1x2\r\nX-Mailer: QQMail 2.x\r\n",
                "multipart/mixed; boundary=\"----=_NextPart_1\"")
                + "------=_NextPart_1\r\nContent-Type: multipart/alternative; boundary=\"----=_NextPart_2\"\r\n\r\n"
                + "------=_NextPart_2\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(text.getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "------=_NextPart_2\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(("<html><body>" + html + "</body></html>").getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "------=_NextPart_2--\r\n\r\n"
                + "------=_NextPart_1\r\nContent-Type: application/octet-stream; name=\"=?utf-8?B?"
                + b64("附件1-项目实施方案.docx".getBytes(StandardCharsets.UTF_8)) + "?=\"\r\n"
                + "Content-Disposition: attachment; filename=\"=?utf-8?B?" + b64("附件1-项目实施方案.docx".getBytes(StandardCharsets.UTF_8))
                + "?=\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(annex1) + "\r\n------=_NextPart_1--\r\n";
        mailbox.deliver(raw.getBytes(StandardCharsets.US_ASCII), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::filename, SubmissionView.Document::annex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("附件1-项目实施方案.docx", "ANNEX_1"),
                        org.assertj.core.groups.Tuple.tuple("附件2-宁波测试有限公司基本情况调查表.xlsx", "UNREADABLE"));
        assertThat(detail.documents().get(1).unreadable()).isEqualTo("LINK");
        assertThat(detail.documents().get(1).origin()).isEqualTo(MailUnpacker.LINK_ORIGIN);
        assertThat(detail.findings()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("MAIL-UNREADABLE");
            assertThat(f.message()).contains("附件2-宁波测试有限公司基本情况调查表.xlsx", "链接", "直接作为邮件附件发送");
        });
        String reply = reply(sender);
        assertThat(reply).contains("附件2-宁波测试有限公司基本情况调查表.xlsx（来自 邮件正文中的链接）")
                .contains("系统无法打开链接下载").doesNotContain("ftn/download");
    }

    @Test
    void aNetdiskShareInAPlainMailIsAnsweredAndTheSignaturesWebsiteIsNot() throws Exception {
        String sender = "li.ming@nbtest-co.cn";
        mailbox.deliver(TestMails.from(sender).body("""
                老师您好，文件较大，已上传百度网盘：
                链接: https://pan.baidu.com/s/1AbCdEfGh-IjK 提取码: x7k2
                --
                宁波测试有限公司 李明 https://www.nbtest-co.cn
                """).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).singleElement().satisfies(d -> {
            assertThat(d.filename()).isEqualTo("链接1（pan.baidu.com）");
            assertThat(d.unreadable()).isEqualTo("LINK");
        });
        assertThat(detail.status()).isEqualTo("NEEDS_CORRECTION");
        assertThat(reply(sender)).contains("网盘").contains("直接作为邮件附件发送");
    }

    @Test
    void aPhotographedFormShownInTheBodyAsIphoneMailSendsItIsReadAndTheLogoIsNot() throws Exception {
        Assumptions.assumeTrue(tesseract(), "tesseract with chi_sim is not installed");
        String sender = "sun.lijun@yongtai-auto.cn";
        byte[] photo = Files.readAllBytes(Path.of("src/test/resources/habits/docs/photo-own-layout-yt.jpg"));
        String raw = head(sender, "X-Mailer: iPhone Mail (22B91)\r\n", "multipart/alternative; boundary=\"Apple-Mail-A1\"")
                + "--Apple-Mail-A1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "=E9=99=84=E4=BB=B62=E8=A7=81=E7=85=A7=E7=89=87\r\n\r\n"
                + "--Apple-Mail-A1\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"Apple-Mail-B2\"\r\n\r\n"
                + "--Apple-Mail-B2\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n"
                + "<html><body><div>&#38468;&#20214;2</div><img src=\"cid:IMG-0412@apple\"><br><img src=\"cid:sig-logo@apple\"></body></html>\r\n"
                + "--Apple-Mail-B2\r\nContent-Type: image/jpeg; name=IMG_0412.jpeg\r\n"
                + "Content-Disposition: inline; filename=IMG_0412.jpeg\r\nContent-Id: <IMG-0412@apple>\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + b64(photo) + "\r\n"
                + "--Apple-Mail-B2\r\nContent-Type: image/png; name=logo.png\r\nContent-Disposition: inline; filename=logo.png\r\n"
                + "Content-Id: <sig-logo@apple>\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64(smallPng()) + "\r\n"
                + "--Apple-Mail-B2--\r\n\r\n--Apple-Mail-A1--\r\n";
        mailbox.deliver(raw.getBytes(StandardCharsets.UTF_8), sender);

        SubmissionView.Detail detail = awaitOne(sender, Duration.ofSeconds(90));
        SubmissionView.Document read = detail.documents().stream().filter(d -> d.filename().equals("IMG_0412.jpeg"))
                .findFirst().orElseThrow();
        assertThat(read.annex()).isEqualTo("ANNEX_2");
        assertThat(read.fields()).containsEntry("enterprise_name", "宁波甬泰汽车零部件有限公司");
        assertThat(detail.documents()).filteredOn(d -> d.filename().equals("logo.png")).singleElement()
                .satisfies(d -> assertThat(d.unreadable()).isNull());
        assertThat(detail.findings()).noneMatch(f -> f.rule().equals("MAIL-UNREADABLE") || f.rule().equals("MAIL-NO-FORM"));
    }

    @Test
    void photosInHeicOrWebpAreAnsweredAsPhotosNotAsAnUnknownFormat() throws Exception {
        String sender = "zhou.min@nbtest-co.cn";
        byte[] webp = Files.readAllBytes(Path.of("src/test/resources/mail/phones/chromium-canvas.webp"));
        mailbox.deliver(TestMails.from(sender)
                .attachRaw("image/heic; name=\"IMG_0413.HEIC\"", "attachment; filename=\"IMG_0413.HEIC\"", heic())
                .attachRaw("image/webp; name=\"mmexport1701234567.webp\"", "attachment; filename=\"mmexport1701234567.webp\"", webp)
                .build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::unreadable).containsExactly("PHOTO_FORMAT", "PHOTO_FORMAT");
        assertThat(reply(sender)).contains("IMG_0413.HEIC", "手机照片格式", "JPG").doesNotContain("文件格式无法识别");
        // staff read the same reason beside the file, not the code
        // a MockMvc of the same context: another context would start a second mail server on the same ports
        var mvc = org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(web)
                .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity()).build();
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/submissions/" + detail.id())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("staff").roles("STAFF")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("IMG_0413.HEIC").contains("（无法读取：文件是手机照片格式（HEIC、WebP 等），本系统无法打开）")
                .doesNotContain("PHOTO_FORMAT");
    }

    @Test
    void bothAnnexesInOutlooksWinmailDatAreReadAndTheReplySaysWhereTheyWere() throws Exception {
        String sender = "chen.jing@nbtest-co.cn";
        UnpackedMail pair = new MailUnpacker().unpack(Files.readAllBytes(Path.of("sample-submissions", "01-docx-pair-clean.eml")));
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        pair.attachments().forEach(a -> files.put(a.filename(), a.content()));
        mailbox.deliver(TestMails.from(sender).header("X-Mailer: Microsoft Outlook 16.0")
                .attachRaw("application/ms-tnef; name=\"winmail.dat\"", "attachment; filename=\"winmail.dat\"",
                        org.formbox.support.OutlookFiles.winmailDat(files)).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::annex)
                .containsExactly(null, "ANNEX_1", "ANNEX_2");
        assertThat(detail.findings()).noneMatch(f -> f.rule().startsWith("MAIL-"));
        assertThat(reply(sender)).contains("winmail.dat：Outlook 打包的附件，已取出并读取其中的文件")
                .contains(files.keySet().iterator().next() + "（来自 winmail.dat）");
    }

    @Test
    void aSingleFileWebPageSentAsMessageRfc822IsReadAsTheDocumentItIs() throws Exception {
        String sender = "xu.lan@nbtest-co.cn";
        byte[] mht = Files.readAllBytes(Path.of("src/test/resources/mail/webarchive/annex2-seed-web-page.doc"));
        mailbox.deliver(TestMails.from(sender)
                .attachRaw("message/rfc822; name=\"annex2.mht\"", "attachment; filename=\"annex2.mht\"", mht).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).singleElement().satisfies(d -> {
            assertThat(d.filename()).isEqualTo("annex2.mht");
            assertThat(d.annex()).isEqualTo("ANNEX_2");
            assertThat(d.fields()).containsEntry("enterprise_name", "宁波甬信精密机械有限公司");
        });
    }

    /** The first bytes of an iPhone's HEIC photo: its {@code ftyp} box, then the start of its {@code meta} box. */
    private static byte[] heic() {
        byte[] b = new byte[4096];
        byte[] head = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c',
                0, 0, 0x0F, (byte) 0xE8, 'm', 'e', 't', 'a'};
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] smallPng() throws Exception {
        var image = new java.awt.image.BufferedImage(120, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void bothAnnexesExportedAsOfdAndZippedAreReadLikeTheirPdfs() throws Exception {
        String sender = "liming@yongxin.example.cn";
        Path ofd = Path.of("src/test/resources/extraction/ofd");
        byte[] zip = TestMails.gbkZip(new String[] {"附件1-项目实施方案.ofd", "附件2-基本情况调查表.ofd"},
                new byte[][] {Files.readAllBytes(ofd.resolve("annex1-proposal.ofd")), Files.readAllBytes(ofd.resolve("annex2-seed.ofd"))});
        mailbox.deliver(TestMails.from(sender).subject("甬信精密-科技创新2025申报材料（OFD）").body("老师好，两个附件为OFD格式，见压缩包。")
                .attachRaw("application/x-zip-compressed; name=\"ofd.zip\"", "attachment; filename=\"ofd.zip\"", zip).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::filename, SubmissionView.Document::annex)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ofd.zip", null),
                        org.assertj.core.groups.Tuple.tuple("附件1-项目实施方案.ofd", "ANNEX_1"),
                        org.assertj.core.groups.Tuple.tuple("附件2-基本情况调查表.ofd", "ANNEX_2"));
        assertThat(detail.findings()).noneSatisfy(f -> assertThat(f.rule()).isIn("MAIL-UNREADABLE", "MAIL-NO-FORMS"));
        assertThat(reply(sender)).contains("附件1-项目实施方案.ofd", "附件2-基本情况调查表.ofd", "宁波甬信精密机械有限公司")
                .doesNotContain("无法");
    }

    @Test
    void aDistrictBureausZipOfSavedMailsIsOpenedAndTheirAttachmentsRead() throws Exception {
        String sender = "keji@zhenhai.gov.cn";
        byte[] saved = Files.readAllBytes(Path.of("sample-submissions", "01-docx-pair-clean.eml"));
        byte[] zip = TestMails.gbkZip(new String[] {"企业来信.eml"}, new byte[][] {saved});
        mailbox.deliver(TestMails.from(sender).subject("镇海区科技局转报：科技创新2025申报材料").body("各企业来信已打包。")
                .attachRaw("application/zip; name=\"zh.zip\"", "attachment; filename=\"zh.zip\"", zip).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender);
        assertThat(detail.documents()).extracting(SubmissionView.Document::annex).containsSubsequence("ANNEX_1", "ANNEX_2");
        assertThat(detail.documents()).filteredOn(d -> "ANNEX_2".equals(d.annex())).singleElement()
                .satisfies(d -> assertThat(d.origin()).isEqualTo("zh.zip / 企业来信.eml"));
        assertThat(reply(sender)).contains("企业来信.eml", "保存的邮件，已打开并读取其中的附件");
    }

    @Test
    void aPhotographedFormsGapsAreNoCorrectionsInTheEnterprisesFileEither() throws Exception {
        Assumptions.assumeTrue(tesseract(), "tesseract with chi_sim is not installed");
        String sender = "zhou.min@yongtai-auto.cn";
        byte[] photo = Files.readAllBytes(Path.of("src/test/resources/extraction/pictures/photo-exif-orientation-6.jpg"));
        mailbox.deliver(TestMails.from(sender).subject("附件2照片").attachRfc2231("IMG_20261203_091501.jpg", photo).build(), sender);

        SubmissionView.Detail detail = awaitOne(sender, Duration.ofSeconds(90));
        assertThat(detail.documents()).extracting(SubmissionView.Document::annex).containsExactly("ANNEX_2");
        String reply = reply(sender);
        // the photo's form has no contact rows and no yearly table: the sender is asked for the Word file,
        // and neither the submission nor the enterprise's file calls the fields OCR did not find errors
        assertThat(reply).contains("未能清晰识别", "其余未能从图像中识别").doesNotContain("需更正").doesNotContain("需要更正");
    }

    private static boolean tesseract() {
        try {
            Process p = new ProcessBuilder("tesseract", "--list-langs").redirectErrorStream(true).start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().anyMatch("chi_sim"::equals);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static byte[] annexOf(String sample, String prefix) throws Exception {
        UnpackedMail mail = new MailUnpacker().unpack(Files.readAllBytes(Path.of("sample-submissions", sample)));
        return mail.attachments().stream().filter(a -> a.filename().startsWith(prefix)).findFirst().orElseThrow().content();
    }

    private static String head(String sender, String extra, String contentType) {
        return "From: " + sender + "\r\nTo: forms@formbox.test\r\nSubject: =?utf-8?B?"
                + b64("科技创新2025申报材料".getBytes(StandardCharsets.UTF_8)) + "?=\r\nMessage-ID: <" + System.nanoTime()
                + "." + sender + ">\r\nDate: Thu, 3 Dec 2026 09:12:00 +0800\r\n" + extra + "MIME-Version: 1.0\r\nContent-Type: "
                + contentType + "\r\n\r\n";
    }

    private static String b64(byte[] bytes) {
        return Base64.getMimeEncoder().encodeToString(bytes);
    }

    private String reply(String sender) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailbox.inboxOf(sender).isEmpty());
        return org.formbox.support.FilledForms.plainText(mailbox.inboxOf(sender).get(0));
    }

    private SubmissionView.Detail awaitOne(String sender) {
        return awaitOne(sender, Duration.ofSeconds(30));
    }

    private SubmissionView.Detail awaitOne(String sender, Duration atMost) {
        await().atMost(atMost).until(() ->
                search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).total() >= 1);
        List<SubmissionView.Summary> items = search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10).items();
        assertThat(items).hasSize(1);
        return search.detail(items.get(0).id()).orElseThrow();
    }
}
