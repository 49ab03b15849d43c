package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.formbox.support.TestMails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyAddressPolicyTests {

    private final ReplyAddressPolicy policy = new ReplyAddressPolicy(new AutoReplyPolicy("forms@formbox.test"));

    private ReplyAddressPolicy.Choice choose(String replyTo) {
        TestMails mail = TestMails.from("writer@nbtest.cn");
        return policy.choose((replyTo == null ? mail : mail.header("Reply-To: " + replyTo)).build());
    }

    @Test
    void answersAPlainReplyTo() {
        assertThat(choose("\"Zhang.Wei\"@NBTEST.cn").address()).isEqualTo("zhang.wei@nbtest.cn");
        assertThat(choose(null).address()).isEqualTo("writer@nbtest.cn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"undisclosed: a@x.cn, b@y.cn;", "a@x.cn, b@y.cn", "postmaster@x.cn", "MAILER-DAEMON@x.cn",
            "list-request@x.cn", "noreply@x.cn", "no_reply@x.cn", "DoNotReply@x.cn", "owner-list@x.cn", "abuse@x.cn",
            "\"postmaster\"@x.cn", "forms@formbox.test", "FORMS@FORMBOX.TEST", "forms+x@formbox.test",
            "=?UTF-8?B?YUB4LmNuDQpCY2M6IHZAeS5jbg==?="})
    void passesOverAReplyToThatIsNotOnePerson(String replyTo) {
        ReplyAddressPolicy.Choice choice = choose(replyTo);
        assertThat(choice.address()).isEqualTo("writer@nbtest.cn");
        assertThat(choice.note()).isNotBlank();
    }

    @Test
    void passesOverSeveralReplyToHeaders() {
        byte[] raw = TestMails.from("writer@nbtest.cn").header("Reply-To: a@x.cn").header("Reply-To: b@y.cn").build();
        assertThat(policy.choose(raw).address()).isEqualTo("writer@nbtest.cn");
    }

    @Test
    void answersNobodyWhenFromIsNotOnePerson() {
        for (String from : new String[] {"postmaster@nbtest.cn", "\"MAILER-DAEMON\"@nbtest.cn", "forms@formbox.test"}) {
            ReplyAddressPolicy.Choice choice = policy.choose(TestMails.from(from).build());
            assertThat(choice.address()).as(from).isNull();
            assertThat(choice.refused()).as(from).startsWith("no reply address");
        }
        ReplyAddressPolicy.Choice group = policy.choose(new String[] {"undisclosed: a@x.cn, b@y.cn;"},
                new String[] {"a@x.cn, b@y.cn"});
        assertThat(group.address()).isNull();
        assertThat(group.refused()).contains("From is not one plain mailbox", "Reply-To");
    }

    @Test
    void readsInternationalisedHeadersWrittenInRawUtf8() {
        // the mail client wrote the header lines in UTF-8 (RFC 6532); the domain is answered in its ASCII form
        byte[] raw = ("From: 张伟 <zhang@例子.中国>\r\nSubject: x\r\n\r\nhi\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(policy.choose(raw).address()).isEqualTo("zhang@xn--fsqu00a.xn--fiqs8s");
        byte[] unicodeLocal = ("From: writer@nbtest.cn\r\nReply-To: 张伟@nbtest.cn\r\nSubject: x\r\n\r\nhi\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(policy.choose(unicodeLocal).address()).isEqualTo("writer@nbtest.cn");
    }
}
