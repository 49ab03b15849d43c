package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.formbox.forms.Unreadable;
import org.junit.jupiter.api.Test;

/**
 * Mail signed or encrypted by the sender's client (S/MIME by OpenSSL as Outlook and Foxmail send it,
 * PGP/MIME by GnuPG as Thunderbird sends it; {@code src/test/resources/mail/secure/make-secure.sh}).
 */
class SecureMailTests {

    private static final Path SECURE = Path.of("src/test/resources/mail/secure");
    private static final byte[] ANNEX_2 = read(Path.of("sample-submissions/docs/e01-annex2.docx"));
    private static final byte[] ANNEX_1 = read(Path.of("sample-submissions/docs/e01-annex1.docx"));

    private final MailUnpacker unpacker = new MailUnpacker();

    private UnpackedMail unpack(String name) throws Exception {
        return unpacker.unpack(Files.readAllBytes(SECURE.resolve(name)));
    }

    @Test
    void aClearSignedMailGivesItsFilesAndTheSignatureIsOnlyASignature() throws Exception {
        for (String name : new String[] {"clear-signed.eml", "clear-signed-cms.eml"}) {
            UnpackedMail mail = unpack(name);
            assertThat(mail.attachments()).extracting(MailAttachment::filename).containsExactly("附件1.docx", "附件2.docx", "smime.p7s");
            assertThat(mail.attachments().get(1).content()).isEqualTo(ANNEX_2);
            MailAttachment signature = mail.attachments().get(2);
            assertThat(SecureMail.signature(signature.contentType(), signature.filename())).as(name).isTrue();
            assertThat(mail.bodyText()).contains("邮件已数字签名");
        }
    }

    @Test
    void anOpaqueSignedMailIsOpenedAndReadAsTheMessageItHolds() throws Exception {
        UnpackedMail mail = unpack("opaque-signed.eml");
        assertThat(mail.attachments()).extracting(MailAttachment::filename, MailAttachment::origin, MailAttachment::problem)
                .containsExactly(tuple("附件1.docx", "", null), tuple("附件2.docx", "", null));
        assertThat(mail.attachments().get(0).content()).isEqualTo(ANNEX_1);
        assertThat(mail.bodyText()).contains("邮件已数字签名");
        assertThat(mail.sender()).isEqualTo("lihua@smime-test.cn");
    }

    @Test
    void anEncryptedMailIsOneEntryThatSaysItIsEncrypted() throws Exception {
        assertThat(unpack("encrypted.eml").attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("smime.p7m");
            assertThat(a.problem()).isEqualTo(Unreadable.ENCRYPTED_MAIL);
        });
        assertThat(unpack("pgp-encrypted.eml").attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("encrypted.asc");
            assertThat(a.problem()).isEqualTo(Unreadable.ENCRYPTED_MAIL);
            assertThat(new String(a.content(), StandardCharsets.US_ASCII)).startsWith("-----BEGIN PGP MESSAGE-----");
        });
    }

    @Test
    void aPgpSignedMailGivesItsFilesAndItsSignature() throws Exception {
        UnpackedMail mail = unpack("pgp-signed.eml");
        assertThat(mail.attachments()).extracting(MailAttachment::filename)
                .containsExactly("附件1.docx", "附件2.docx", "OpenPGP_signature.asc");
        MailAttachment signature = mail.attachments().get(2);
        assertThat(SecureMail.signature(signature.contentType(), signature.filename())).isTrue();
        assertThat(mail.attachments().get(1).content()).isEqualTo(ANNEX_2);
    }

    @Test
    void aSignedFileIsTheFileItHolds() throws Exception {
        assertThat(unpack("signed-file.eml").attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("附件2.docx");
            assertThat(a.problem()).isNull();
            assertThat(a.content()).isEqualTo(ANNEX_2);
        });
    }

    @Test
    void aBrokenOrHostileBlobIsCorruptNotACrash() throws Exception {
        byte[] blob = Base64.getMimeDecoder().decode(Files.readString(SECURE.resolve("opaque-signed.eml"))
                .split("\r\n\r\n", 2)[1]);
        assertThat(SecureMail.open(Arrays.copyOf(blob, blob.length / 2)).problem()).isEqualTo(Unreadable.CORRUPT);
        assertThat(SecureMail.open("not a CMS blob at all".getBytes(StandardCharsets.US_ASCII)).problem()).isEqualTo(Unreadable.CORRUPT);
        assertThat(SecureMail.open(new byte[0]).problem()).isEqualTo(Unreadable.CORRUPT);
        // a length that claims far more than there is, and sequences nested a hundred thousand deep
        assertThat(SecureMail.open(new byte[] {0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x06}).problem())
                .isEqualTo(Unreadable.CORRUPT);
        byte[] nested = new byte[200_000];
        for (int i = 0; i < nested.length; i += 2) {
            nested[i] = 0x30;
            nested[i + 1] = (byte) 0x80;
        }
        assertThat(SecureMail.open(nested).problem()).isEqualTo(Unreadable.CORRUPT);

        String raw = "From: a@b.cn\r\nTo: forms@formbox.test\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: application/pkcs7-mime; smime-type=signed-data; name=smime.p7m\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(Arrays.copyOf(blob, 300)) + "\r\n";
        assertThat(unpacker.unpack(raw.getBytes(StandardCharsets.US_ASCII)).attachments()).singleElement()
                .satisfies(a -> assertThat(a.problem()).isEqualTo(Unreadable.CORRUPT));
    }

    @Test
    void aCompressedMailIsExpandedAndACompressionBombStopsAtTheLimit() throws Exception {
        byte[] entity = ("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("附件随后补发".getBytes(StandardCharsets.UTF_8)) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(SecureMail.open(compressed(entity)).content()).isEqualTo(entity);

        byte[] bomb = compressed(new byte[SecureMail.MAX_EXPANDED + 1024]);
        assertThat(bomb.length).isLessThan(200_000);
        assertThat(SecureMail.open(bomb).problem()).isEqualTo(Unreadable.TOO_LARGE);
    }

    /** RFC 3274 compressed-data, as BouncyCastle's generator writes it (OpenSSL here is built without zlib). */
    private static byte[] compressed(byte[] content) throws Exception {
        return new org.bouncycastle.cms.CMSCompressedDataGenerator()
                .generate(new org.bouncycastle.cms.CMSProcessableByteArray(content), new org.bouncycastle.cms.jcajce.ZlibCompressor())
                .getEncoded();
    }

    @Test
    void namesOfSignedFiles() {
        assertThat(SecureMail.signedFileName("附件2.pdf.p7m")).isEqualTo("附件2.pdf");
        assertThat(SecureMail.signedFileName("smime.p7m")).isNull();
        assertThat(SecureMail.signedFileName("SMIME.P7M")).isNull();
        assertThat(SecureMail.signedFileName("附件2.docx")).isNull();
        assertThat(SecureMail.signature("application/octet-stream", "附件2.pdf.p7s")).isTrue();
        assertThat(SecureMail.signature("application/pdf", "附件2.pdf")).isFalse();
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
