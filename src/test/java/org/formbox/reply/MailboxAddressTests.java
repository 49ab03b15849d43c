package org.formbox.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxAddressTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "victim@x.cn|victim@x.cn",
            "\"victim\"@x.cn|victim@x.cn",
            "VICTIM@X.CN|victim@x.cn",
            "\"Victim\"@X.Cn|victim@x.cn",
            "张伟 <Zhang.Wei@NBHX-chem.com.cn>|zhang.wei@nbhx-chem.com.cn",
            "\"boss@gov.cn\" <real@y.cn>|real@y.cn",
            "<a@x.cn>|a@x.cn",
            "zhang@例子.中国|zhang@xn--fsqu00a.xn--fiqs8s",
            "zhang@ÉXAMPLE.cn|zhang@xn--xample-9ua.cn",
            "a.b+tag@x.cn|a.b+tag@x.cn"})
    void writesOneMailboxInOneSpelling(String header, String expected) {
        assertThat(MailboxAddress.single(header)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"undisclosed: a@x.cn, b@y.cn;", "undisclosed-recipients:;", "a@x.cn, b@y.cn",
            "=?UTF-8?B?dmljdGltQHguY24=?=", "张伟@例子.cn", "\"a b\"@x.cn", "\"a\\\"b\"@x.cn", "a@[192.0.2.1]",
            "a@localhost", "a@x.cn\r\nBcc: v@y.cn", "a..b@x.cn", ".a@x.cn", "a@-x.cn", "a@x_y.cn", "", "   ", "nobody",
            "@x.cn", "a@"})
    void refusesAnythingButOnePlainMailbox(String header) {
        assertThat(MailboxAddress.single(header)).as(header).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 400})
    void refusesOverlongAddresses(int length) {
        assertThat(MailboxAddress.single("a".repeat(length) + "@x.cn")).isEmpty();
        assertThat(MailboxAddress.single("a@" + "x".repeat(length) + ".cn")).isEmpty();
    }
}
