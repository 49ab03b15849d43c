package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.formbox.forms.Unreadable;
import org.formbox.support.TestMails;
import org.junit.jupiter.api.Test;

class MailUnpackerTests {

    private final MailUnpacker unpacker = new MailUnpacker();

    private UnpackedMail sample(String name) throws Exception {
        return unpacker.unpack(Files.readAllBytes(Path.of("sample-submissions", name)));
    }

    @Test
    void decodesFoxmailGbkNamesSubjectAndSender() throws Exception {
        UnpackedMail mail = sample("05-foxmail-gbk-names.eml");
        assertThat(mail.sender()).isEqualTo("zhengxf@mingrui-robot.com");
        assertThat(mail.senderName()).isEqualTo("郑晓峰");
        assertThat(mail.subject()).isEqualTo("宁波明睿智能装备有限公司-科技创新2025重大专项附件1和附件2");
        assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly(
                "附件1：SCARA机器人项目实施方案（明睿）.docx", "附件2：宁波明睿智能装备有限公司基本情况调查表.docx");
        assertThat(mail.bodyText()).isNotBlank();
    }

    @Test
    void joinsEncodedWordsSplitInsideACharacter() throws Exception {
        assertThat(sample("06-outlook-gbk-split-word.eml").attachments()).extracting(MailAttachment::filename)
                .contains("附件二：宁波甬芯微电子有限公司企业基本情况调查表.docx");
        byte[] gbk = "附件二".getBytes(Charset.forName("GBK"));
        String split = "=?GBK?B?" + Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(gbk, 3)) + "?= =?gbk?B?"
                + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(gbk, 3, gbk.length)) + "?=";
        assertThat(EncodedWords.decode(split)).isEqualTo("附件二");
    }

    @Test
    void readsRfc2231NamesAndRaw8BitNames() throws Exception {
        assertThat(sample("07-rfc2231-names-odt.eml").attachments()).extracting(MailAttachment::filename)
                .containsExactly("附件1：海上风电机组变流器及智能运维系统研制-实施方案.odt",
                        "附件2：宁波东海清能装备有限公司基本情况调查表.docx");
        String raw8bit = new String("附件2.docx".getBytes(Charset.forName("GBK")), StandardCharsets.ISO_8859_1);
        assertThat(EncodedWords.decode(raw8bit)).isEqualTo("附件2.docx");
    }

    @Test
    void unpacksZipWithGbkEntryNames() throws Exception {
        UnpackedMail mail = sample("08-qqmail-zip-gbk-entries.eml");
        assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::origin, MailAttachment::container)
                .containsExactly(
                        tuple("杭湾新能-科技创新2025申报材料.zip", "", true),
                        tuple("附件1-驱动电机控制器项目实施方案.docx", "杭湾新能-科技创新2025申报材料.zip", false),
                        tuple("附件2-宁波杭湾新能汽车部件有限公司基本情况调查表.docx", "杭湾新能-科技创新2025申报材料.zip", false));
        assertThat(mail.attachments().get(1).content()).startsWith('P', 'K');
    }

    @Test
    void anOfdIsADocumentAndNotAnArchiveToUnpackAloneOrInsideAZip() throws Exception {
        byte[] ofd = Files.readAllBytes(Path.of("src/test/resources/extraction/ofd/annex2-seed.ofd"));
        byte[] zip = TestMails.gbkZip(new String[] {"附件2：基本情况调查表.ofd"}, new byte[][] {ofd});
        UnpackedMail mail = unpacker.unpack(TestMails.from("chen@dongfang-jg.com")
                .attachRfc2231("附件2.ofd", ofd)
                .attachRaw("application/zip; name=\"b.zip\"", "attachment; filename=\"b.zip\"", zip).build());

        assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::container)
                .containsExactly(tuple("附件2.ofd", false), tuple("b.zip", true), tuple("附件2：基本情况调查表.ofd", false));
        assertThat(mail.attachments().get(2).content()).isEqualTo(ofd);
    }

    @Test
    void mailsSavedAsFilesAndZippedByADistrictBureauAreOpenedLikeForwards() throws Exception {
        byte[] first = Files.readAllBytes(Path.of("sample-submissions", "01-docx-pair-clean.eml"));
        byte[] second = Files.readAllBytes(Path.of("sample-submissions", "05-foxmail-gbk-names.eml"));
        byte[] notAMail = "企业名单：\r\n1. 宁波明睿智能装备有限公司\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] zip = TestMails.gbkZip(new String[] {"企业一.eml", "企业二.eml", "名单.eml"}, new byte[][] {first, second, notAMail});
        UnpackedMail mail = unpacker.unpack(TestMails.from("kjj@yinzhou.gov.cn").subject("鄞州区科技局汇总：科技创新2025申报材料")
                .attachRaw("application/zip; name=\"hz.zip\"", "attachment; filename=\"hz.zip\"", zip).build());

        UnpackedMail alone = unpacker.unpack(first);
        assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::origin, MailAttachment::container)
                .startsWith(tuple("hz.zip", "", true), tuple("企业一.eml", "hz.zip", true))
                .contains(tuple(alone.attachments().get(0).filename(), "hz.zip / 企业一.eml", false),
                        tuple(alone.attachments().get(1).filename(), "hz.zip / 企业一.eml", false),
                        tuple("企业二.eml", "hz.zip", true),
                        tuple("附件2：宁波明睿智能装备有限公司基本情况调查表.docx", "hz.zip / 企业二.eml", false),
                        tuple("名单.eml", "hz.zip", false));
        assertThat(mail.attachments().stream().filter(a -> a.filename().equals(alone.attachments().get(0).filename()))
                .findFirst().orElseThrow().content()).isEqualTo(alone.attachments().get(0).content());
        assertThat(mail.subject()).isEqualTo("鄞州区科技局汇总：科技创新2025申报材料");
        assertThat(mail.sender()).isEqualTo("kjj@yinzhou.gov.cn");
    }

    @Test
    void anOutlookItemInsideAZipIsOpened() throws Exception {
        byte[] annex = unpacker.unpack(Files.readAllBytes(Path.of("sample-submissions", "01-docx-pair-clean.eml")))
                .attachments().get(1).content();
        byte[] msg = org.formbox.support.OutlookFiles.msg("宁波测试有限公司申报材料", java.util.Map.of("附件2.docx", annex));
        byte[] zip = TestMails.gbkZip(new String[] {"宁波测试有限公司.msg"}, new byte[][] {msg});
        UnpackedMail mail = unpacker.unpack(TestMails.from("kjj@beilun.gov.cn")
                .attachRaw("application/zip; name=\"bl.zip\"", "attachment; filename=\"bl.zip\"", zip).build());

        assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::origin, MailAttachment::container)
                .containsExactly(tuple("bl.zip", "", true), tuple("宁波测试有限公司.msg", "bl.zip", true),
                        tuple("附件2.docx", "bl.zip / 宁波测试有限公司.msg", false));
        assertThat(mail.attachments().get(2).content()).isEqualTo(annex);
    }

    @Test
    void unpacksForwardedMessages() throws Exception {
        assertThat(sample("09-forwarded-rfc822.eml").attachments()).extracting(MailAttachment::filename, MailAttachment::origin)
                .containsExactly(tuple("附件1 高场磁共振成像关键部件项目实施方案.docx", "转发邮件"),
                        tuple("附件2 宁波康迪医疗器械有限公司基本情况调查表.docx", "转发邮件"));
    }

    @Test
    void unpacksAForwardedMessageTheSenderBase64Encoded() throws Exception {
        byte[] original = Files.readAllBytes(Path.of("sample-submissions", "01-docx-pair-clean.eml"));
        UnpackedMail mail = unpacker.unpack(TestMails.from("bureau@nbtest.cn")
                .attachRaw("message/rfc822", "attachment; filename=\"forwarded.eml\"", original).build());
        assertThat(mail.attachments()).extracting(MailAttachment::origin).containsOnly("转发邮件");
        assertThat(mail.attachments()).extracting(MailAttachment::filename)
                .containsExactlyElementsOf(sample("01-docx-pair-clean.eml").attachments().stream().map(MailAttachment::filename).toList());
    }

    @Test
    void keepsDuplicateNamesAndMarksInlineImages() throws Exception {
        UnpackedMail mail = sample("10-outlook-duplicate-image001.eml");
        assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::inline).containsExactly(
                tuple("image001.png", true), tuple("image001.png", true),
                tuple("附件1-高导热石墨烯复合膜项目实施方案.docx", false), tuple("附件2-碳谷新材料基本情况调查表.docx", false));
    }

    @Test
    void takesTheFilesOutOfOutlooksWinmailDatAndOfAnAttachedOutlookItem() throws Exception {
        UnpackedMail pair = sample("01-docx-pair-clean.eml");
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        pair.attachments().forEach(a -> files.put(a.filename(), a.content()));
        byte[] tnef = org.formbox.support.OutlookFiles.winmailDat(files);
        byte[] msg = org.formbox.support.OutlookFiles.msg("转发：科技创新2025申报材料", files);
        UnpackedMail mail = unpacker.unpack(TestMails.from("outlook.rtf@nbtest.cn")
                .attachRaw("application/ms-tnef; name=\"winmail.dat\"", "attachment; filename=\"winmail.dat\"", tnef)
                .attachRfc2231("申报材料.msg", msg)
                .build());
        String[] names = files.keySet().toArray(String[]::new);
        assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::origin, MailAttachment::container)
                .containsExactly(tuple("winmail.dat", "", true), tuple(names[0], "winmail.dat", false),
                        tuple(names[1], "winmail.dat", false), tuple("申报材料.msg", "", true),
                        tuple(names[0], "申报材料.msg", false), tuple(names[1], "申报材料.msg", false));
        assertThat(mail.attachments().get(1).content()).isEqualTo(files.get(names[0]));
        assertThat(mail.attachments().get(5).content()).isEqualTo(files.get(names[1]));
    }

    @Test
    void aBrokenWinmailDatStaysAFileToRead() throws Exception {
        byte[] broken = {0x78, (byte) 0x9F, 0x3E, 0x22, 1, 0, 2, 0x10, (byte) 0x80, 1, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F};
        UnpackedMail mail = unpacker.unpack(TestMails.from("outlook.rtf@nbtest.cn")
                .attachRaw("application/ms-tnef; name=\"winmail.dat\"", "attachment; filename=\"winmail.dat\"", broken).build());
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("winmail.dat");
            assertThat(a.container()).isFalse();
        });
    }

    @Test
    void namesNamelessAttachments() throws Exception {
        assertThat(sample("11-nameless-attachment.eml").attachments()).extracting(MailAttachment::filename)
                .containsExactly("附件1 航空航天用高温合金精密铸件项目实施方案.docx", "未命名附件2.bin");
    }

    @Test
    void saysWhenAMessageHasMorePartsThanAreUnpacked() throws Exception {
        TestMails many = TestMails.from("many.parts@nbtest.cn");
        for (int i = 0; i < MailUnpacker.MAX_PARTS + 20; i++) {
            many.attachRaw("application/octet-stream; name=\"f" + i + ".bin\"", "attachment; filename=\"f" + i + ".bin\"", new byte[] {1});
        }
        UnpackedMail mail = unpacker.unpack(many.build());
        assertThat(mail.truncated()).isTrue();
        assertThat(mail.attachments()).hasSizeLessThan(MailUnpacker.MAX_PARTS);
        assertThat(sample("01-docx-pair-clean.eml").truncated()).isFalse();
    }

    @Test
    void refusesZipBombsWithoutUnpackingThem() throws Exception {
        byte[] zeros = new byte[64 << 20];
        byte[] bomb = TestMails.gbkZip(new String[] {"附件2.docx"}, new byte[][] {zeros});
        UnpackedMail mail = unpacker.unpack(TestMails.from("bomb@nbtest.cn")
                .attachRaw("application/zip; name=\"a.zip\"", "attachment; filename=\"a.zip\"", bomb).build());
        assertThat(mail.attachments()).hasSize(1);
        assertThat(mail.attachments().get(0).problem()).isEqualTo(Unreadable.TOO_LARGE);
    }

    @Test
    void refusesZipsNestedTooDeep() throws Exception {
        byte[] inner = TestMails.gbkZip(new String[] {"附件2.docx"}, new byte[][] {{1, 2, 3}});
        for (int i = 0; i < 6; i++) {
            inner = TestMails.gbkZip(new String[] {"level" + i + ".zip"}, new byte[][] {inner});
        }
        UnpackedMail mail = unpacker.unpack(TestMails.from("nested@nbtest.cn")
                .attachRaw("application/zip; name=\"n.zip\"", "attachment; filename=\"n.zip\"", inner).build());
        assertThat(mail.attachments()).singleElement().extracting(MailAttachment::problem).isEqualTo(Unreadable.TOO_LARGE);
    }

    private static byte[] sevenZ(String[] names, byte[][] contents) throws Exception {
        var channel = new org.apache.commons.compress.utils.SeekableInMemoryByteChannel();
        try (var out = new org.apache.commons.compress.archivers.sevenz.SevenZOutputFile(channel)) {
            for (int i = 0; i < names.length; i++) {
                var entry = new org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry();
                entry.setName(names[i]);
                out.putArchiveEntry(entry);
                out.write(contents[i]);
                out.closeArchiveEntry();
            }
        }
        return java.util.Arrays.copyOf(channel.array(), (int) channel.size());
    }

    @Test
    void unpacks7zArchivesLikeZips() throws Exception {
        byte[] docx = Files.readAllBytes(Path.of("sample-submissions/docs/e01-annex2.docx"));
        byte[] archive = sevenZ(new String[] {"材料/附件2.docx"}, new byte[][] {docx});
        UnpackedMail mail = unpacker.unpack(TestMails.from("qi@nbtest.cn")
                .attachRaw("application/x-7z-compressed; name=\"cailiao.7z\"", "attachment; filename=\"cailiao.7z\"", archive)
                .build());

        assertThat(mail.attachments()).hasSize(2);
        assertThat(mail.attachments().get(0).container()).isTrue();
        assertThat(mail.attachments().get(1).filename()).isEqualTo("附件2.docx");
        assertThat(mail.attachments().get(1).content()).isEqualTo(docx);
    }

    @Test
    void refuses7zBombsWithTheLimitsOfZips() throws Exception {
        byte[] bomb = sevenZ(new String[] {"附件2.docx"}, new byte[][] {new byte[64 << 20]});
        UnpackedMail mail = unpacker.unpack(TestMails.from("bomb7@nbtest.cn")
                .attachRaw("application/x-7z-compressed; name=\"a.7z\"", "attachment; filename=\"a.7z\"", bomb).build());

        assertThat(mail.attachments()).singleElement().extracting(MailAttachment::problem).isEqualTo(Unreadable.TOO_LARGE);
    }

    @Test
    void namesARarArchiveAndAsksForAZipInstead() throws Exception {
        // the RAR 5 signature and a main header: no open-source reader fits, whatever follows
        byte[] rar = {'R', 'a', 'r', '!', 0x1A, 0x07, 0x01, 0x00, 0x33, (byte) 0x92, (byte) 0xB5, (byte) 0xE5, 0x0A, 0x01,
                0x05, 0x06, 0x00, 0x05, 0x01, 0x01, (byte) 0x80, (byte) 0x80, 0x00};
        UnpackedMail mail = unpacker.unpack(TestMails.from("rar@nbtest.cn")
                .attachRaw("application/x-rar-compressed; name=\"ziliao.rar\"", "attachment; filename=\"ziliao.rar\"", rar)
                .build());

        MailAttachment a = mail.attachments().get(0);
        assertThat(a.filename()).isEqualTo("ziliao.rar");
        assertThat(a.problem()).isEqualTo(Unreadable.RAR);
        assertThat(a.problem().remedy()).contains("zip", "Word");
    }
}
