package org.formbox.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.formbox.extraction.DocumentReader;
import org.formbox.reply.ReplyLimiter;
import org.formbox.submission.SubmissionDraft;
import org.formbox.submission.SubmissionSearch;
import org.formbox.submission.Submissions;
import org.formbox.support.Mailbox;
import org.formbox.support.MailboxTest;
import org.formbox.support.TestMails;
import org.formbox.system.MailSettings;
import org.formbox.validation.Checks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.util.unit.DataSize;

/**
 * One batch of the inbox through the embedded mail server and the real store, with a relay in front
 * of the server that records what the intake asks of it. The route is stopped meanwhile, so that
 * the batch under test is the only reader of the inbox.
 */
@MailboxTest
class BatchIntakeTests {

    @Autowired
    MailSettings settings;
    @Autowired
    @Qualifier("mailStoreProperties")
    Properties storeProperties;
    @Autowired
    MailIntake intake;
    @Autowired
    Submissions submissions;
    @Autowired
    SubmissionSearch search;
    @Autowired
    RawArchive archive;
    @Autowired
    ReplyLimiter limiter;
    @Autowired
    IntakeSettings intakeSettings;
    @Autowired
    MailUnpacker unpacker;
    @Autowired
    DocumentReader reader;
    @Autowired
    Checks checks;
    @Autowired
    AutoReplyPolicy autoReplies;
    @Autowired
    CamelContext camel;
    @Autowired
    org.springframework.transaction.support.TransactionOperations transaction;

    Mailbox mailbox;
    final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void stopTheRoute() throws Exception {
        mailbox = new Mailbox(settings);
        camel.getRouteController().stopRoute("mailbox-intake");
    }

    @AfterEach
    void startTheRoute() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        camel.getRouteController().startRoute("mailbox-intake");
    }

    @Test
    void aMessageTheStoreRefusesStaysWhileTheOthersOfItsBatchAreSavedAndMovedWithOneFetchAndOneMove() throws Exception {
        List<Sent> mails = deliver("batch.refused", 4);
        String refused = mails.get(1).messageId();
        Submissions refusing = new Submissions(null, null, null, null, null) {
            @Override
            public Optional<Existing> findByMessage(String messageId, String contentHash) {
                return submissions.findByMessage(messageId, contentHash);
            }

            @Override
            public Saved save(SubmissionDraft draft) {
                if (refused.equals(draft.messageId())) {
                    throw new DataIntegrityViolationException("Value too long for column");
                }
                return submissions.save(draft);
            }
        };
        MailIntake refusingIntake = new MailIntake(archive, unpacker, reader, checks, autoReplies, limiter, refusing,
                settings.imap().processedFolder(), settings.imap().failedFolder(), intakeSettings, Clock.systemUTC());
        ImapRelay relay = relay(false);

        BatchIntake.Batch batch = batch(refusingIntake, relay).poll();

        assertThat(batch.failed()).isEqualTo(1);
        List<String> inbox = mailbox.messageIds("INBOX");
        List<String> processed = mailbox.messageIds("Processed");
        for (Sent mail : mails) {
            boolean saved = !mail.messageId().equals(refused);
            assertThat(inbox.contains(mail.messageId())).as("%s in the inbox", mail.messageId()).isEqualTo(!saved);
            assertThat(processed.contains(mail.messageId())).as("%s processed", mail.messageId()).isEqualTo(saved);
            assertThat(submissionsFrom(mail)).as("submissions of %s", mail.messageId()).isEqualTo(saved ? 1 : 0);
        }
        assertThat(relay.commands()).filteredOn(c -> c.contains("FETCH") && c.contains("BODY.PEEK[]")).hasSize(1);
        assertThat(relay.commands()).as("no header fetched again").noneMatch(c -> c.contains("HEADER") || c.contains("ENVELOPE"));
        assertThat(relay.commands()).filteredOn(c -> c.startsWith("MOVE ") || c.startsWith("UID MOVE ")).hasSize(1);
        assertThat(relay.commands()).noneMatch(c -> c.contains("COPY"));

        // the route takes the refused one when it runs again, as a poll after a restart would
        camel.getRouteController().startRoute("mailbox-intake");
        await().atMost(Duration.ofSeconds(30)).until(() -> submissionsFrom(mails.get(1)) == 1
                && mailbox.messageIds("Processed").contains(refused));
    }

    @Test
    void aBatchSavedButNeverMovedComesAgainAndIsRecognisedNotDoubled() throws Exception {
        List<Sent> mails = deliver("batch.crash", 3);
        BatchIntake dying = new BatchIntake(intake, new Inbox(settings.imap(), storeProperties), batchSettings(), transaction) {
            @Override
            int move(Map<String, List<Inbox.Listed>> moves, List<jakarta.mail.Message> wrapped) {
                throw new IllegalStateException("the process died between the commit and the move");
            }
        };
        opened.add(dying);

        assertThatThrownBy(dying::poll).hasMessageContaining("died");
        for (Sent mail : mails) {
            assertThat(submissionsFrom(mail)).isEqualTo(1);
        }
        assertThat(mailbox.messageIds("INBOX")).containsAll(mails.stream().map(Sent::messageId).toList());
        dying.close();

        camel.getRouteController().startRoute("mailbox-intake");
        await().atMost(Duration.ofSeconds(30)).until(() -> mails.stream().allMatch(m -> movedOut(m.messageId())));
        for (Sent mail : mails) {
            assertThat(submissionsFrom(mail)).as("submissions of %s", mail.messageId()).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> mailbox.inboxOf(mail.sender()).size() == 1);
        }
        assertThat(mailbox.messageIds("Processed").stream().filter(mails.get(0).messageId()::equals)).hasSize(1);
    }

    @Test
    void withoutMoveOnTheServerTheBatchIsCopiedFlaggedAndExpunged() throws Exception {
        List<Sent> mails = deliver("batch.nomove", 2);
        ImapRelay relay = relay(true);

        BatchIntake.Batch batch = batch(intake, relay).poll();

        assertThat(batch.failed()).isZero();
        for (Sent mail : mails) {
            assertThat(movedOut(mail.messageId())).as("%s moved out", mail.messageId()).isTrue();
            assertThat(submissionsFrom(mail)).isEqualTo(1);
        }
        assertThat(relay.commands()).noneMatch(c -> c.contains("MOVE"));
        assertThat(relay.commands()).filteredOn(c -> c.startsWith("COPY ") || c.startsWith("UID COPY ")).hasSize(1);
        assertThat(relay.commands()).anyMatch(c -> c.contains("+FLAGS") && c.contains("\\Deleted"));
        assertThat(relay.commands()).anyMatch(c -> c.startsWith("UID EXPUNGE ") || c.equals("EXPUNGE"));
    }

    @Test
    void aMessageOverTheSizeLimitIsLeftOutOfTheBatchFetchAndStreamedToTheArchiveAtItsTurn() throws Exception {
        List<Sent> small = deliver("batch.small", 1);
        String sender = "batch.oversized@nbtest.cn";
        byte[] scan = new byte[7 << 20];
        new java.util.Random(11).nextBytes(scan);
        TestMails big = TestMails.from(sender).attachRfc2231("附件2扫描件.pdf", scan);
        mailbox.deliver(big.build(), sender);
        List<Sent> after = deliver("batch.after.oversized", 1);
        ImapRelay relay = relay(false);
        IntakeSettings limited = new IntakeSettings(intakeSettings.maxAttempts(), intakeSettings.retryDelay(),
                intakeSettings.maxRetryDelay(), intakeSettings.messageTimeout(), false, DataSize.ofMegabytes(6));
        MailIntake sixMegabytes = new MailIntake(archive, unpacker, reader, checks, autoReplies, limiter, submissions,
                settings.imap().processedFolder(), settings.imap().failedFolder(), limited, Clock.systemUTC());

        BatchIntake.Batch batch = batch(sixMegabytes, relay).poll();

        assertThat(batch.failed()).isZero();
        assertThat(relay.commands()).as("the batch's bodies, the large one left out")
                .filteredOn(c -> c.contains("BODY.PEEK[]") && !c.contains("BODY.PEEK[]<")).hasSize(1);
        assertThat(relay.commands()).as("the large one streamed in pieces").anyMatch(c -> c.contains("BODY.PEEK[]<0."));
        var stored = search.detail(search.find(new SubmissionSearch.Criteria(sender, null, null, null), 0, 10)
                .items().get(0).id()).orElseThrow();
        assertThat(stored.status()).isEqualTo("FAILED");
        assertThat(stored.failureReason()).startsWith("message too large: ");
        assertThat(mailbox.messageIds("Failed")).contains(big.messageId());
        for (Sent mail : List.of(small.get(0), after.get(0))) {
            assertThat(submissionsFrom(mail)).isEqualTo(1);
            assertThat(movedOut(mail.messageId())).isTrue();
        }
    }

    @Test
    void theSavingWaitsForAGroupOfMessagesToBeReadAndCommitsThemTogether() throws Exception {
        List<Sent> mails = deliver("batch.group", 10);
        java.util.concurrent.atomic.AtomicInteger saves = new java.util.concurrent.atomic.AtomicInteger();
        Submissions counting = new Submissions(null, null, null, null, null) {
            @Override
            public Optional<Existing> findByMessage(String messageId, String contentHash) {
                return submissions.findByMessage(messageId, contentHash);
            }

            @Override
            public Saved save(SubmissionDraft draft) {
                saves.incrementAndGet();
                return submissions.save(draft);
            }
        };
        List<Integer> groups = new ArrayList<>();
        org.springframework.transaction.support.TransactionOperations recording = new org.springframework.transaction.support.TransactionOperations() {
            @Override
            public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                int before = saves.get();
                T result = transaction.execute(action);
                groups.add(saves.get() - before);
                return result;
            }
        };
        MailIntake countingIntake = new MailIntake(archive, unpacker, reader, checks, autoReplies, limiter, counting,
                settings.imap().processedFolder(), settings.imap().failedFolder(), intakeSettings, Clock.systemUTC());
        // a generous wait, so that a busy machine still reads four messages within it
        BatchIntake grouping = new BatchIntake(countingIntake, new Inbox(settings.imap(), storeProperties),
                new BatchSettings(25, DataSize.ofMegabytes(16), 2, 4, Duration.ofSeconds(20)), recording);
        opened.add(grouping);

        BatchIntake.Batch batch = grouping.poll();

        assertThat(batch.failed()).isZero();
        assertThat(saves.get()).isEqualTo(10);
        int grouped = groups.stream().mapToInt(Integer::intValue).sum();
        // every group but the last holds four at least; at most one message (the last) is saved alone
        assertThat(groups.subList(0, groups.size() - 1)).as("groups %s", groups).allMatch(n -> n >= 4);
        assertThat(grouped).as("groups %s", groups).isGreaterThanOrEqualTo(9);
        for (Sent mail : mails) {
            assertThat(submissionsFrom(mail)).isEqualTo(1);
            assertThat(movedOut(mail.messageId())).isTrue();
        }
    }

    @Test
    void aBatchListsTheStartOfTheInboxWindowByWindowPassingOverMessagesWaitingOutABackOff() throws Exception {
        List<Sent> mails = deliver("batch.window", 10);
        java.util.Set<String> refused = new java.util.HashSet<>(mails.subList(0, 7).stream().map(Sent::messageId).toList());
        Submissions refusing = new Submissions(null, null, null, null, null) {
            @Override
            public Optional<Existing> findByMessage(String messageId, String contentHash) {
                return submissions.findByMessage(messageId, contentHash);
            }

            @Override
            public Saved save(SubmissionDraft draft) {
                if (refused.contains(draft.messageId())) {
                    throw new DataIntegrityViolationException("Value too long for column");
                }
                return submissions.save(draft);
            }
        };
        MailIntake refusingIntake = new MailIntake(archive, unpacker, reader, checks, autoReplies, limiter, refusing,
                settings.imap().processedFolder(), settings.imap().failedFolder(),
                new IntakeSettings(5, Duration.ofMinutes(10), Duration.ofMinutes(30), intakeSettings.messageTimeout(), false),
                Clock.systemUTC());
        ImapRelay relay = relay(false);
        MailSettings.Imap imap = settings.imap();
        BatchIntake threeAtATime = new BatchIntake(refusingIntake, new Inbox(new MailSettings.Imap(imap.host(), relay.port(),
                imap.username(), imap.password(), imap.ssl(), imap.folder(), imap.processedFolder(), imap.failedFolder()),
                storeProperties), new BatchSettings(3, DataSize.ofMegabytes(16), 2, 8, Duration.ofMillis(250)), transaction);
        opened.add(threeAtATime);

        // the first six fail one batch after the other and wait out their back-off in the inbox
        assertThat(threeAtATime.poll().failed()).isEqualTo(3);
        assertThat(threeAtATime.poll().failed()).isEqualTo(3);
        relay.forget();
        BatchIntake.Batch third = threeAtATime.poll();

        assertThat(third.failed()).as("the seventh, refused too (the first six wait ten minutes)").isEqualTo(1);
        assertThat(third.outcomes()).hasSize(2);
        assertThat(movedOut(mails.get(7).messageId())).isTrue();
        assertThat(movedOut(mails.get(8).messageId())).isTrue();
        assertThat(movedOut(mails.get(9).messageId())).as("the tenth waits for the next batch").isFalse();
        assertThat(relay.commands().stream().map(BatchIntakeTests::listedRange).filter(java.util.Objects::nonNull))
                .as("the first window of twice a batch, then the next, twice as long, up to the end of the inbox")
                .containsExactly("1:6", "7:10");

        relay.forget();
        BatchIntake.Batch fourth = threeAtATime.poll();
        assertThat(fourth.outcomes()).hasSize(1);
        assertThat(movedOut(mails.get(9).messageId())).isTrue();
        assertThat(relay.commands().stream().map(BatchIntakeTests::listedRange).filter(java.util.Objects::nonNull))
                .containsExactly("1:6", "7:8");
    }

    /** The range of messages a listing command asks for (a FETCH by message number of flags, UID and size), or null. */
    private static String listedRange(String command) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^FETCH (\\d+(?::\\d+)?) \\(.*RFC822\\.SIZE").matcher(command);
        return m.find() ? (m.group(1).contains(":") ? m.group(1) : m.group(1) + ":" + m.group(1)) : null;
    }

    private List<Sent> deliver(String prefix, int count) throws Exception {
        List<Sent> mails = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String sender = prefix + "." + i + "@nbtest.cn";
            TestMails mail = TestMails.from(sender).attachSplitGbk("附件2.docx", new byte[] {(byte) i, 9, 9});
            mailbox.deliver(mail.build(), sender);
            mails.add(new Sent(sender, mail.messageId()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> mailbox.messageIds("INBOX")
                .containsAll(mails.stream().map(Sent::messageId).toList()));
        return mails;
    }

    /** A message delivered to the collection address. */
    record Sent(String sender, String messageId) {
    }

    private ImapRelay relay(boolean hideMove) throws Exception {
        ImapRelay relay = new ImapRelay(settings.imap().host(), settings.imap().port(), hideMove);
        opened.add(relay);
        return relay;
    }

    private BatchIntake batch(MailIntake with, ImapRelay relay) {
        MailSettings.Imap imap = settings.imap();
        MailSettings.Imap relayed = new MailSettings.Imap(imap.host(), relay.port(), imap.username(), imap.password(),
                imap.ssl(), imap.folder(), imap.processedFolder(), imap.failedFolder());
        BatchIntake batch = new BatchIntake(with, new Inbox(relayed, storeProperties), batchSettings(), transaction);
        opened.add(batch);
        return batch;
    }

    private static BatchSettings batchSettings() {
        return new BatchSettings(25, DataSize.ofMegabytes(16), 2, 8, Duration.ofMillis(250));
    }

    private boolean movedOut(String messageId) {
        try {
            return !mailbox.messageIds("INBOX").contains(messageId) && mailbox.messageIds("Processed").contains(messageId);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long submissionsFrom(Sent mail) {
        return search.find(new SubmissionSearch.Criteria(mail.sender(), null, null, null), 0, 10).total();
    }
}
