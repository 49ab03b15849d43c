package org.formbox.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The collection mailbox and the outgoing server ({@code formbox.mail.*}). The address and the polled
 * mailbox's host, port, user, password and folder have their defaults in {@code application.properties},
 * where the intake route's URI reads them; the others here.
 *
 * @param embedded whether to run the in-process mail server
 * @param address  the collection address; replies and digests come from it
 * @param imap     the mailbox that is polled
 * @param smtp     outgoing mail
 */
@ConfigurationProperties("formbox.mail")
public record MailSettings(@DefaultValue("true") boolean embedded,
                           String address,
                           @DefaultValue Imap imap,
                           @DefaultValue Smtp smtp) {

    /** The polled mailbox. */
    public record Imap(String host, int port, String username, String password,
                       @DefaultValue("false") boolean ssl, String folder,
                       @DefaultValue("Processed") String processedFolder,
                       @DefaultValue("Failed") String failedFolder) {
    }

    /** The outgoing server. */
    public record Smtp(@DefaultValue("127.0.0.1") String host, @DefaultValue("3025") int port,
                       String username, String password, @DefaultValue("false") boolean starttls) {
    }
}
