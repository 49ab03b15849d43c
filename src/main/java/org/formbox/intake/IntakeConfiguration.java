package org.formbox.intake;

import jakarta.mail.search.SearchTerm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.formbox.extraction.DocumentReader;
import org.formbox.reply.ReplyLimiter;
import org.formbox.submission.Submissions;
import org.formbox.system.MailSettings;
import org.formbox.validation.Checks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain-Java intake pieces for the route. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    RawArchive rawArchive(@Value("${formbox.archive.dir}") String dir) {
        return new RawArchive(Path.of(dir).toAbsolutePath());
    }

    @Bean
    DocumentReader documentReader() {
        return new DocumentReader();
    }

    @Bean
    Checks checks() {
        return new Checks();
    }

    @Bean
    MailUnpacker mailUnpacker() {
        return new MailUnpacker();
    }

    @Bean
    AutoReplyPolicy autoReplyPolicy(MailSettings mail) {
        return new AutoReplyPolicy(mail.address());
    }

    @Bean
    MailIntake mailIntake(RawArchive archive, MailUnpacker unpacker, DocumentReader reader, Checks checks,
                          AutoReplyPolicy policy, ReplyLimiter limiter, Submissions submissions, MailSettings mail,
                          IntakeSettings settings, Clock clock) {
        return new MailIntake(archive, unpacker, reader, checks, policy, limiter, submissions,
                mail.imap().processedFolder(), mail.imap().failedFolder(), settings, clock);
    }

    /** The intake route's bean: one batch of the inbox per poll, over a connection of its own. */
    @Bean
    BatchIntake batchIntake(MailIntake intake, MailSettings mail, BatchSettings batch,
                            @org.springframework.beans.factory.annotation.Qualifier("mailStoreProperties") Properties storeProperties,
                            org.springframework.transaction.support.TransactionOperations transaction) {
        return new BatchIntake(intake, new Inbox(mail.imap(), storeProperties), batch, transaction);
    }

    @Bean
    ArchiveReconciliation archiveReconciliation(RawArchive archive, Submissions submissions, MailIntake intake) {
        return new ArchiveReconciliation(archive.root(), submissions, intake);
    }

    /** At start, in the background: every archived message without a submission is processed. */
    @EventListener(ApplicationReadyEvent.class)
    void reconcileArchive(ApplicationReadyEvent ready) {
        ConfigurableApplicationContext context = ready.getApplicationContext();
        if (!context.getBean(IntakeSettings.class).reconcile()) {
            return;
        }
        ArchiveReconciliation reconciliation = context.getBean(ArchiveReconciliation.class);
        Thread t = new Thread(() -> {
            try {
                reconciliation.reconcile();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ArchiveReconciliation.class).warn("Archive not reconciled: {}", e.toString());
            }
        }, "formbox-archive-reconciliation");
        t.setDaemon(true);
        t.start();
    }

    /** The intake route's search term: every message not waiting out a back-off. */
    @Bean
    SearchTerm dueMessages(MailIntake intake) {
        return intake.dueMessages();
    }

    /**
     * Session properties for the polled store: SSL when configured, generous time-outs, and a store
     * class that identifies itself with the IMAP ID command (NetEase mailboxes refuse work without it).
     */
    @Bean
    Properties mailStoreProperties(MailSettings mail) {
        Properties p = new Properties();
        for (String protocol : new String[] {"imap", "imaps"}) {
            p.setProperty("mail." + protocol + ".class", protocol.equals("imap")
                    ? IdentifyingImapStore.class.getName() : IdentifyingImapStore.Ssl.class.getName());
            p.setProperty("mail." + protocol + ".connectiontimeout", "30000");
            p.setProperty("mail." + protocol + ".timeout", "60000");
            // fetch a message in one FETCH instead of 16 KB pieces, each a round trip (benchmark: docs/benchmark.md)
            p.setProperty("mail." + protocol + ".partialfetch", "false");
        }
        if (mail.imap().ssl()) {
            p.setProperty("mail.imap.ssl.enable", "true");
        }
        p.setProperty("mail.mime.decodefilename", "true");
        return p;
    }
}
