package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.formbox.support.TestMails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutoReplyPolicyTests {

    private final MailUnpacker unpacker = new MailUnpacker();
    private final AutoReplyPolicy policy = new AutoReplyPolicy("forms@formbox.test");

    @Test
    void recognisesTheSampleOutOfOfficeAndBounce() throws Exception {
        for (String sample : new String[] {"17-auto-reply.eml", "18-bounce.eml"}) {
            UnpackedMail mail = unpacker.unpack(Files.readAllBytes(Path.of("sample-submissions", sample)));
            assertThat(policy.automated(mail)).as(sample).isPresent();
        }
    }

    @Test
    void answersPeople() throws Exception {
        UnpackedMail mail = unpacker.unpack(Files.readAllBytes(Path.of("sample-submissions", "01-docx-pair-clean.eml")));
        assertThat(policy.automated(mail)).isEmpty();
        assertThat(policy.automated(unpacker.unpack(TestMails.from("a@b.cn").header("Auto-Submitted: no").build()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Auto-Submitted: auto-generated", "Auto-Submitted: auto-replied", "Precedence: bulk",
            "Precedence: list", "List-Id: <news.example.cn>", "List-Unsubscribe: <mailto:x@y>", "X-Autoreply: yes",
            "Return-Path: <>", "X-Auto-Response-Suppress: All"})
    void doesNotAnswerAutomatedHeaders(String header) throws Exception {
        assertThat(policy.automated(unpacker.unpack(TestMails.from("person@nbtest.cn").header(header).build()))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MAILER-DAEMON@mx.example.cn", "postmaster@example.cn", "noreply@example.cn",
            "no-reply@example.cn", "owner-list@example.cn", "list-request@example.cn", "forms@formbox.test",
            "\"postmaster\"@example.cn", "\"MAILER-DAEMON\"@EXAMPLE.CN", "FORMS@formbox.test", "forms+tag@formbox.test",
            "hostmaster@example.cn", "abuse@example.cn", "do_not_reply@example.cn", "news-bounces@example.cn"})
    void doesNotAnswerMachineSenders(String sender) throws Exception {
        assertThat(policy.automated(unpacker.unpack(TestMails.from(sender).build()))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"info@nbhx-chem.com.cn", "office@example.cn", "zhang.wei@example.cn", "forms.team@formbox.test"})
    void answersSharedMailboxesThatPeopleRead(String sender) throws Exception {
        assertThat(policy.automated(unpacker.unpack(TestMails.from(sender).build()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"自动回复: 申报材料", "Auto: 申报材料", "Out of Office: re", "Automatic reply: 材料"})
    void doesNotAnswerAutoReplySubjects(String subject) throws Exception {
        assertThat(policy.automated(unpacker.unpack(TestMails.from("person@nbtest.cn").subject(subject).build()))).isPresent();
    }
}
