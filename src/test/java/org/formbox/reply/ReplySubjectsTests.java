package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplySubjectsTests {

    @Test
    void tellsTheOutcomeAndTheEnterpriseInEveryStatus() {
        assertThat(ReplySubjects.reply("ACCEPTED", "宁波华星化工新材料有限公司", "申报材料", "FB-000012"))
                .isEqualTo("【已受理】宁波华星化工新材料有限公司 申报材料（回执号 FB-000012）");
        assertThat(ReplySubjects.reply("NEEDS_CORRECTION", "宁波华星化工新材料有限公司", "申报材料", "FB-000013"))
                .isEqualTo("【需更正】宁波华星化工新材料有限公司 申报材料（回执号 FB-000013）");
        assertThat(ReplySubjects.reply("NO_FORM", null, "科技创新2025申报", "FB-000014"))
                .isEqualTo("【未收到表格】科技创新2025申报（回执号 FB-000014）");
        assertThat(ReplySubjects.reply("NEEDS_ANSWER", null, "咨询：附件2占地面积怎么填？", "FB-000015"))
                .isEqualTo("【已收到来信】咨询：附件2占地面积怎么填？（回执号 FB-000015）");
        assertThat(ReplySubjects.reply("NO_FORM", null, "  ", "FB-000016")).isEqualTo("【未收到表格】您的来信（回执号 FB-000016）");
    }

    @Test
    void aReplyToAReplyDoesNotStackPrefixes() {
        assertThat(ReplySubjects.clean("回执：Re: 回执：申报材料（FB-000001）")).isEqualTo("申报材料");
        assertThat(ReplySubjects.clean("回复: 【请更正】宁波某某有限公司")).isEqualTo("宁波某某有限公司");
        assertThat(ReplySubjects.clean("RE: Fwd: 答复：【需更正】宁波某某有限公司 申报材料（回执号 FB-000123）"))
                .isEqualTo("宁波某某有限公司 申报材料");
        assertThat(ReplySubjects.clean("Re[2]: 回复：转发: 咨询")).isEqualTo("咨询");
        assertThat(ReplySubjects.reply("NEEDS_ANSWER", null, "回复: 【已受理】宁波某某有限公司 申报材料（回执号 FB-000001）", "FB-000002"))
                .isEqualTo("【已收到来信】宁波某某有限公司 申报材料（回执号 FB-000002）");
        assertThat(ReplySubjects.answer("Re: 答复：咨询：附件2占地面积怎么填？")).isEqualTo("答复：咨询：附件2占地面积怎么填？");
    }

    @Test
    void keepsTheSendersOwnBracketsAndWords() {
        assertThat(ReplySubjects.clean("【申报】宁波某某有限公司 Report: 2026")).isEqualTo("【申报】宁波某某有限公司 Report: 2026");
    }
}
