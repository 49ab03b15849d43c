package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.Exchange;
import org.apache.camel.component.mail.MailMessage;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.formbox.extraction.DocumentReader;
import org.formbox.reply.ReplyLimiter;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionStatus;
import org.formbox.submission.Submissions;
import org.formbox.support.TestMails;
import org.formbox.validation.Checks;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** A message the store keeps refusing: tried a bounded number of times, with back-off, then saved as FAILED. */
class MailIntakeAttemptsTests {

    final MutableClock clock = new MutableClock();
    final List<SubmissionDraft> saved = new ArrayList<>();
    int refusals;
    boolean refuseFailedToo;

    final Submissions store = new Submissions(null, null, null, null, null) {
        @Override
        public Optional<Existing> findByMessage(String messageId, String contentHash) {
            return Optional.empty();
        }

        @Override
        public Saved save(SubmissionDraft draft) {
            if (draft.status() != SubmissionStatus.FAILED || refuseFailedToo) {
                refusals++;
                throw new DataIntegrityViolationException("Value too long for column");
            }
            saved.add(draft);
            return new Saved(saved.size(), true);
        }
    };

    MailIntake intake() throws Exception {
        IntakeSettings settings = new IntakeSettings(3, Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(2), false);
        return new MailIntake(new RawArchive(Files.createTempDirectory("formbox-archive")), new MailUnpacker(),
                new DocumentReader(), new Checks(), new AutoReplyPolicy("forms@formbox.test"),
                new ReplyLimiter(null, 10, Duration.ofHours(1), 600) {
                    @Override
                    public Optional<String> refuse(String recipient, Instant now) {
                        return Optional.empty();
                    }
                }, store, "Processed", "Failed", settings, clock);
    }

    @Test
    void messageTheStoreRefusesIsTriedThreeTimesWithBackOffThenSavedAsFailedForTheFailedFolder() throws Exception {
        MailIntake intake = intake();
        DueMessages due = intake.dueMessages();
        MimeMessage message = message("<refused@nbtest.cn>");

        assertThatThrownBy(() -> intake.receive(exchange(message))).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(due.match(message)).as("waits after the first failure").isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(due.match(message)).isTrue();
        assertThatThrownBy(() -> intake.receive(exchange(message))).isInstanceOf(DataIntegrityViolationException.class);
        clock.advance(Duration.ofSeconds(31));
        assertThat(due.match(message)).as("the second wait is longer").isFalse();
        clock.advance(Duration.ofSeconds(30));

        Exchange third = exchange(message);
        MailIntake.Outcome outcome = intake.receive(third);
        assertThat(outcome.failed()).isTrue();
        assertThat(third.getIn().getHeader(MailIntake.MOVE_TO)).isEqualTo("Failed");
        assertThat(refusals).isEqualTo(3);
        assertThat(saved).singleElement().satisfies(d -> {
            assertThat(d.status()).isEqualTo(SubmissionStatus.FAILED);
            assertThat(d.detail()).contains("gave up after 3 attempts", "Value too long");
            assertThat(d.sender()).isEqualTo("refused@nbtest.cn");
        });
    }

    @Test
    void whenNotEvenTheFailureCanBeSavedTheMessageStaysAndWaitsLongerEachTime() throws Exception {
        refuseFailedToo = true;
        MailIntake intake = intake();
        DueMessages due = intake.dueMessages();
        MimeMessage message = message("<store-down@nbtest.cn>");
        Duration[] waits = {Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120), Duration.ofSeconds(240),
                Duration.ofMinutes(5), Duration.ofMinutes(5)};
        for (Duration wait : waits) {
            assertThatThrownBy(() -> intake.receive(exchange(message))).isInstanceOf(DataIntegrityViolationException.class);
            clock.advance(wait.minusSeconds(1));
            assertThat(due.match(message)).as("not due before %s", wait).isFalse();
            clock.advance(Duration.ofSeconds(1));
            assertThat(due.match(message)).as("due after %s", wait).isTrue();
        }
        assertThat(saved).isEmpty();
    }

    private static MimeMessage message(String id) throws Exception {
        byte[] raw = TestMails.from(id.substring(1, id.indexOf('@')) + "@nbtest.cn").messageId(id).build();
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static Exchange exchange(MimeMessage message) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setIn(new MailMessage(exchange, message, false));
        return exchange;
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-20T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
