package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnTextTests {

    @Test
    void leavesOutTheQuotedMailOfChineseAndWesternClients() {
        assertThat(OwnText.of("收到，谢谢！\n\n------------------ 原始邮件 ------------------\n发件人: 科技创新2025\n您提交的材料已收到"))
                .isEqualTo("收到，谢谢！");
        assertThat(OwnText.of("好的\n\n在 2026年11月28日 10:00，forms@formbox.test 写道：\n> 您提交的材料已收到")).isEqualTo("好的");
        assertThat(OwnText.of("Thanks\nOn Sat, 28 Nov 2026 at 10:00, Formbox wrote:\n> quoted")).isEqualTo("Thanks");
        assertThat(OwnText.of("> only quoted\n> lines")).isEmpty();
        assertThat(OwnText.of("<div>请问截止时间？</div><blockquote>原邮件</blockquote>")).isEqualTo("请问截止时间？");
    }

    @Test
    void aQuestionOrAThankYouNeedsAPersonButPleaseFindAttachedDoesNot() {
        assertThat(OwnText.needsPerson(mail("附件2占地面积怎么填？"))).isTrue();
        assertThat(OwnText.needsPerson(mail("收到，谢谢"))).isTrue();
        assertThat(OwnText.needsPerson(mail("您好，附件是我单位的申报材料，请查收。"))).isFalse();
        assertThat(OwnText.needsPerson(mail("\n\n"))).isFalse();
        assertThat(OwnText.needsPerson(mail(null))).isFalse();
    }

    private static UnpackedMail mail(String body) {
        return new UnpackedMail("<x@y>", "a@b.cn", null, "a@b.cn", null, "s", null, null, Map.of(), "text/plain", body,
                null, List.of(), false);
    }
}
