package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** tesseract's usual misreadings of Chinese forms, undone only where the text came from OCR. */
class OcrTextTests {

    private final OcrLabels labels = new OcrLabels(FieldLabels.survey());

    @Test
    void putsBackDigitsReadAsLettersInNumbers() {
        assertThat(OcrText.digits("2O16")).isEqualTo("2016");
        assertThat(OcrText.digits("l860")).isEqualTo("1860");
        assertThat(OcrText.digits("1 270")).isEqualTo("1270");
        assertThat(OcrText.digits("44。6%")).isEqualTo("44.6%");
        assertThat(OcrText.digits("|270")).isEqualTo("1270");
        assertThat(OcrText.digits("约 5200 万元")).isEqualTo("约 5200 万元");
    }

    @Test
    void dropsASpeckReadAsAPointBeforeANumber() {
        assertThat(OcrText.digits(".690")).isEqualTo("690");
        assertThat(OcrText.digits(",15200")).isEqualTo("15200");
        assertThat(OcrText.digits(".46.5%")).isEqualTo("46.5%");
        assertThat(OcrText.digits("0.5")).isEqualTo("0.5");
        assertThat(OcrText.digits("约 .5 万元")).isEqualTo("约 .5 万元");
    }

    @Test
    void readsPerCentSignsMisreadWhereNoShareCouldBeThatLarge() {
        assertThat(OcrText.percent("37.396")).isEqualTo("37.3%");
        assertThat(OcrText.percent("129%")).isEqualTo("12%");
        assertThat(OcrText.percent("46.59%")).isEqualTo("46.59%");
        assertThat(OcrText.percent("35%")).isEqualTo("35%");
        assertThat(OcrText.percent("2596")).isEqualTo("25%");
        assertThat(OcrText.percent("37.394")).isEqualTo("37.3%");
        assertThat(OcrText.percent("359")).isEqualTo("35%");
        assertThat(OcrText.percent("37.39")).isEqualTo("37.39");
        assertThat(OcrText.percent("59")).isEqualTo("59");
        assertThat(OcrText.percent("96")).isEqualTo("96");
        assertThat(OcrText.percent("12%9")).isEqualTo("12%");
        assertThat(OcrText.percent("44.6%6")).isEqualTo("44.6%");
    }

    @Test
    void joinsAnEmailAddressCutBySpaces() {
        assertThat(OcrText.email("linxy@gan gzhong-Zb.com")).isEqualTo("linxy@gangzhong-zb.com");
        // a comma read for the dot of the domain, and the dot beside it
        assertThat(OcrText.email("luxf@shik e-optics,.co m")).isEqualTo("luxf@shike-optics.com");
        assertThat(OcrText.email("luxf@shike-optics,com")).isEqualTo("luxf@shike-optics.com");
        assertThat(OcrText.email("何俊 13906617788")).isEqualTo("何俊 13906617788");
    }

    @Test
    void makesAngleAndLenticularBracketsRound() {
        assertThat(OcrText.brackets("年度研发经费投入〈万元)")).isEqualTo("年度研发经费投入（万元)");
        assertThat(OcrText.brackets("占地面积〔(M2)")).isEqualTo("占地面积（M2)");
    }

    @Test
    void recognisesALabelWithOneCharacterMisread() {
        assertThat(labels.nearest("研发人页占比").key()).isEqualTo("rd_staff_ratio");
        // a speck read as a stroke between the characters
        assertThat(labels.nearest("占地面各! (M2)").key()).isEqualTo("land_area");
        assertThat(labels.nearest("所有者权益5520)").key()).isEqualTo("owners_equity");
        assertThat(labels.nearest("职工总人数。GO").key()).isEqualTo("employees_total");
        assertThat(labels.nearest("核心装备《自制、国产二进喇").key()).isEqualTo("core_equipment");
        assertThat(labels.nearest("企业对该行业领域找术发展和市场的看法与判断").key()).isEqualTo("industry_view");
    }

    @Test
    void guessesNoLabelForAnswersOrWhenTwoLabelsAreEquallyNear() {
        for (String answer : List.of("宁波海曦生物医药科技有限公司", "自主研发", "市级", "医药制造业", "15800", "何俊")) {
            assertThat(labels.nearest(answer)).as(answer).isNull();
        }
        // 其中初中及以下 and 其中大专及以上 are both four characters away from this
        assertThat(labels.nearest("其中XX及以X")).isNull();
    }

    @Test
    void putsAMisreadAnswerRightToTheUsualAnswerItIsNear() {
        java.util.List<String> equipment = java.util.List.of("自制", "国产", "进口");
        assertThat(OcrText.usual("国产、进1]、", equipment)).isEqualTo("国产、进口");
        assertThat(OcrText.usual("引制、进1，", equipment)).isEqualTo("自制、进口");
        assertThat(OcrText.usual("自制、国产", equipment)).isEqualTo("自制、国产");
        java.util.List<String> sources = java.util.List.of("自主研发", "合作开发", "引进消化吸收");
        assertThat(OcrText.usual("引进消化吸收中", sources)).isEqualTo("引进消化吸收");
        assertThat(OcrText.usual("百主研发", sources)).isEqualTo("自主研发");
        // an answer of its own stays as it was read
        assertThat(OcrText.usual("合作开发为主，部分引进", sources)).isEqualTo("合作开发为主，部分引进");
        java.util.List<String> industries = java.util.List.of("通用设备制造业", "专用设备制造业", "计算机、通信和其他电子设备制造业");
        assertThat(OcrText.usual("通用没备制造业", industries)).isEqualTo("通用设备制造业");
        // two characters off both 通用 and 专用: which one it was is not known
        assertThat(OcrText.usual("道用没备制造业", industries)).isEqualTo("道用没备制造业");
        assertThat(OcrText.usual("计算机、道舍和其他电子设备制造业", industries)).isEqualTo("计算机、通信和其他电子设备制造业");
        // as near to two of them: left as read
        assertThat(OcrText.usual("道用设备制造业", industries)).isEqualTo("道用设备制造业");
        assertThat(OcrText.usual("外商独资::=", java.util.List.of("外商独资", "中外合资"))).isEqualTo("外商独资");
    }
}
