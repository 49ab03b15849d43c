package org.formbox.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.formbox.support.TestMails;
import org.junit.jupiter.api.Test;

class MimeShapeTests {

    @Test
    void measuresTenThousandNestedLevelsInOnePassWithoutParsing() {
        byte[] nested = TestMails.nestedMultiparts("deep@nbtest.cn", "<deep@nbtest.cn>", 10_000);
        long start = System.nanoTime();
        MimeShape shape = MimeShape.of(nested);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(shape.depth()).isEqualTo(10_001);
        assertThat(shape.parts()).isEqualTo(10_001);
        assertThat(shape.tooComplex()).isTrue();
        assertThat(millis).isLessThan(2_000);
    }

    @Test
    void anOrdinaryMailWithAForwardedMailAndAttachmentsIsSimple() throws Exception {
        byte[] forwarded = TestMails.from("a@nbtest.cn").attachSplitGbk("附件2.docx", new byte[] {1, 2}).build();
        byte[] mail = TestMails.from("b@nbtest.cn").forward(forwarded).attachRfc2231("附件1.pdf", new byte[] {3}).build();
        MimeShape shape = MimeShape.of(mail);
        assertThat(shape.depth()).isEqualTo(2);
        assertThat(shape.parts()).isEqualTo(5);
        assertThat(shape.tooComplex()).isFalse();
        assertThat(MimeShape.of("Subject: x\r\n\r\nplain".getBytes(StandardCharsets.US_ASCII))).isEqualTo(new MimeShape(0, 0));
    }

    @Test
    void wrapperGivesBackTheOriginalBytes() {
        byte[] nested = TestMails.nestedMultiparts("deep@nbtest.cn", "<deep@nbtest.cn>", 3_000);
        byte[] wrapped = WrappedMail.wrap(nested, MimeShape.of(nested));
        assertThat(WrappedMail.isWrapped(wrapped)).isTrue();
        assertThat(MimeShape.of(wrapped).tooComplex()).isFalse();
        assertThat(WrappedMail.unwrap(wrapped)).isEqualTo(nested);
        assertThat(WrappedMail.unwrap(nested)).isSameAs(nested);
    }
}
