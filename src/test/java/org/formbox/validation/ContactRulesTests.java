package org.formbox.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactRulesTests {

    @Test
    void flagsAPhoneNumberThatIsNeitherMobileNorLandline() {
        List<Finding> findings = SampleSubmission.complete().survey("contact_phone", "12345").findings("A2-PHONE");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("contact_phone");
            assertThat(f.message()).isEqualTo("“电话”（12345）不是有效的手机号或带区号的固话号码，请更正。");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"87654321", "1380574123", "12805741234", "0574-123", "138057412345"})
    void flagsIncompleteOrMalformedNumbers(String phone) {
        assertThat(PhoneNumbers.anyValid(phone)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13805741234", "138 0574 1234", "138-0574-1234", "+86 138 0574 1234", "+8613805741234",
            "0574-87654321", "0574 87654321", "057487654321", "(0574)87654321", "（0574）87654321",
            "0574-87654321转123", "0574-87654321-123", "0574-87654321 ext 123", "0574-8765-4321",
            "０５７４－８７６５４３２１", "010-12345678", "手机：13805741234",
            "12345、0574-87654321", "0574-87654321，13805741234", "无; 13805741234", "+86-574-87654321"})
    void acceptsMobilesLandlinesExtensionsAndLists(String phone) {
        assertThat(SampleSubmission.complete().survey("contact_phone", phone).findings("A2-PHONE")).isEmpty();
    }

    @Test
    void flagsAnInvalidEmailAddress() {
        List<Finding> findings = SampleSubmission.complete().survey("contact_email", "liming@yongxin")
                .findings("A2-EMAIL");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.error);
            assertThat(f.fields()).containsExactly("contact_email");
            assertThat(f.message()).contains("邮箱", "liming@yongxin", "电子邮箱地址");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"liming@yongxin.com.cn", "li.ming+form@163.com", "liming＠qq.com", "邮箱：liming@qq.com",
            "liming@qq.com; wang@qq.com", "mailto:liming@qq.com"})
    void acceptsValidEmailAddresses(String email) {
        assertThat(SampleSubmission.complete().survey("contact_email", email).findings("A2-EMAIL")).isEmpty();
    }
}
