package org.formbox.intake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.formbox.reply.MailboxAddress;

/**
 * Decides whether a message was sent by a machine and so must never be answered (RFC 3834 and
 * the habits of common mail systems): null return path, Auto-Submitted, Precedence bulk/junk/list,
 * List-* headers, MAILER-DAEMON and similar senders, delivery reports, out-of-office subjects.
 */
public final class AutoReplyPolicy {

    // RFC 2142 role mailboxes, list software and the habits of bulk senders; shared mailboxes that
    // people read (info@, office@, sales@) are deliberately not here: enterprises send forms from them
    private static final Pattern MACHINE_SENDER = Pattern.compile(
            "^(mailer-?daemon|postmaster|hostmaster|webmaster|abuse|noc|security|root|daemon|nobody|listserv|majordomo"
                    + "|owner-.*|.*-owner|.*-request|.*no[-_.]?reply.*|.*do[-_.]?not[-_.]?reply.*|bounce.*|.*-bounces?"
                    + "|.*\\+bounces?)@.*");
    private static final Pattern AUTO_SUBJECT = Pattern.compile(
            "^\\s*(自动回复|自動回覆|自动答复|auto:|automatic reply|auto-reply|autoreply|out of office|"
                    + "undeliverable|undelivered mail|delivery status notification|退信|系统退信|投递失败).*",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> LIST_HEADERS = List.of("list-id", "list-unsubscribe", "list-post", "list-help");

    private final String ownAddress;
    private final String ownLocal;
    private final String ownDomain;

    public AutoReplyPolicy(String ownAddress) {
        this.ownAddress = MailboxAddress.normalise(ownAddress).orElse(ownAddress.toLowerCase(Locale.ROOT));
        int at = this.ownAddress.lastIndexOf('@');
        this.ownLocal = this.ownAddress.substring(0, Math.max(at, 0));
        this.ownDomain = this.ownAddress.substring(at + 1);
    }

    /**
     * Why a reply must never go to this address (a machine, a role or list address, the collection
     * address itself, with or without a {@code +tag}), or empty when a person may read it. The
     * address is judged in its normalised spelling, so quotes and capitals hide nothing.
     */
    public Optional<String> machineAddress(String address) {
        String a = MailboxAddress.normalise(address).orElse(address == null ? "" : address.strip().toLowerCase(Locale.ROOT));
        int at = a.lastIndexOf('@');
        String local = at < 0 ? a : a.substring(0, at);
        if (a.equals(ownAddress) || at > 0 && a.substring(at + 1).equals(ownDomain) && local.startsWith(ownLocal + "+")) {
            return Optional.of("the collection address itself");
        }
        if (MACHINE_SENDER.matcher(a).matches()) {
            return Optional.of("automated sender " + a);
        }
        return Optional.empty();
    }

    /** Why this message must not be answered, or empty when a person sent it. */
    public Optional<String> automated(UnpackedMail mail) {
        String sender = mail.sender();
        if (sender == null || sender.isBlank()) {
            return Optional.of("no sender address");
        }
        if (machineAddress(sender).filter(reason -> reason.startsWith("the collection")).isPresent()) {
            return Optional.of("sent from the collection address itself");
        }
        String returnPath = mail.returnPath();
        if (returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty()) {
            return Optional.of("null return path (bounce)");
        }
        String autoSubmitted = mail.header("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
        }
        String precedence = mail.header("Precedence");
        if (precedence != null && precedence.strip().toLowerCase(Locale.ROOT).matches("bulk|junk|list")) {
            return Optional.of("Precedence: " + precedence.strip());
        }
        for (String h : LIST_HEADERS) {
            if (mail.hasHeader(h)) {
                return Optional.of("mailing list (" + h + ")");
            }
        }
        if (mail.hasHeader("X-Autoreply") || mail.hasHeader("X-Autorespond") || mail.hasHeader("X-Auto-Response-Suppress")
                && mail.header("X-Auto-Response-Suppress").toLowerCase(Locale.ROOT).matches(".*(all|oof|autoreply).*")) {
            return Optional.of("auto-reply header");
        }
        Optional<String> machine = machineAddress(sender);
        if (machine.isPresent()) {
            return machine;
        }
        if ("multipart/report".equals(mail.contentType())) {
            return Optional.of("delivery report");
        }
        if (mail.subject() != null && AUTO_SUBJECT.matcher(mail.subject()).matches()) {
            return Optional.of("auto-reply subject");
        }
        return Optional.empty();
    }
}
