package org.formbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.SubmissionView;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.system.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every sample of {@code sample-submissions/} sent through the mailbox gets the status and the
 * findings its README promises, every person one reply and every machine none.
 */
@MailboxTest
@TestPropertySource(properties = {"formbox.mail.smtp.port=${TEST_PORT_PREFIX:39}35", "formbox.mail.imap.port=${TEST_PORT_PREFIX:39}53",
        "spring.datasource.url=jdbc:h2:mem:samples;DB_CLOSE_DELAY=-1", "formbox.archive.dir=target/test-data/samples/archive-${random.uuid}",
        "formbox.mail.spool-dir=target/test-data/samples/spool-${random.uuid}"})
class SampleSubmissionsTests {

    private static final Pattern ROW = Pattern.compile("^\\| \\d+ \\| `([^`]+\\.eml)` \\|.*\\| (ACCEPTED|NEEDS_CORRECTION|NO_FORM|NEEDS_ANSWER|IGNORED) \\| (.*) \\|$");
    private static final Pattern RULE = Pattern.compile("\\b(?:A1|A2|X|MAIL)-[A-Z0-9-]*[A-Z0-9]\\b");

    @Autowired
    MailSettings settings;
    @Autowired
    SubmissionSearch search;
    @Autowired
    JdbcClient jdbc;

    record Expected(String status, Set<String> rules) {
    }

    @Test
    void everySampleGetsItsStatusFindingsAndReply() throws Exception {
        Map<String, Expected> expected = expectations();
        assertThat(expected).hasSizeGreaterThanOrEqualTo(19);
        Mailbox mailbox = new Mailbox(settings);
        Map<String, String> messageIds = new LinkedHashMap<>();
        Map<String, Integer> repliesDue = new LinkedHashMap<>();
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            byte[] raw = Files.readAllBytes(Path.of("sample-submissions", e.getKey()));
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            String from = ((InternetAddress) m.getFrom()[0]).getAddress().toLowerCase();
            messageIds.put(e.getKey(), m.getMessageID());
            repliesDue.merge(from, e.getValue().status().equals("IGNORED") ? 0 : 1, Integer::sum);
            mailbox.deliver(raw, from);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("select count(*) from submission")
                .query(Long.class).single() == expected.size());
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("select count(*) from outbox where state = 'PENDING'")
                .query(Long.class).single() == 0);

        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<String, Expected> e : expected.entrySet()) {
            long id = jdbc.sql("select id from submission where message_id = ?").param(messageIds.get(e.getKey()))
                    .query(Long.class).single();
            SubmissionView.Detail s = search.detail(id).orElseThrow();
            Set<String> rules = s.findings().stream().map(SubmissionView.FindingView::rule).collect(Collectors.toCollection(TreeSet::new));
            soft.assertThat(s.status()).as(e.getKey() + " status, findings " + rules).isEqualTo(e.getValue().status());
            soft.assertThat(rules).as(e.getKey() + " findings").isEqualTo(e.getValue().rules());
        }
        for (Map.Entry<String, Integer> due : repliesDue.entrySet()) {
            soft.assertThat(mailbox.inboxOf(due.getKey())).as("replies to " + due.getKey()).hasSize(due.getValue());
        }
        soft.assertAll();
    }

    private static Map<String, Expected> expectations() throws Exception {
        Map<String, Expected> expected = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(Path.of("sample-submissions", "README.md"));
        for (String line : lines) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Set<String> rules = new TreeSet<>();
                Matcher r = RULE.matcher(m.group(3));
                while (r.find()) {
                    rules.add(r.group());
                }
                expected.put(m.group(1), new Expected(m.group(2), rules));
            }
        }
        return expected;
    }
}
