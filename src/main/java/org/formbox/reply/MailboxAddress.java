package org.formbox.reply;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One plain mailbox, the only kind of address a reply ever goes to, in one spelling: quotes that
 * were not needed removed from the local part, case folded, the domain in its ASCII (IDNA) form.
 * {@code "Victim"@X.cn}, {@code victim@x.cn} and {@code VICTIM@X.CN} are one address, so one rate
 * limit counts them together. Groups, lists of addresses, domain literals, addresses that need
 * quoting, non-ASCII local parts (which need SMTPUTF8) and anything with a line break are not
 * plain mailboxes.
 */
public final class MailboxAddress {

    private static final String ATOM = "[a-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final Pattern DOT_ATOM = Pattern.compile(ATOM + "(\\." + ATOM + ")*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private MailboxAddress() {
    }

    /** The one plain mailbox a header (Reply-To, From) names, normalised; empty when it names anything else. */
    public static Optional<String> single(String header) {
        if (header == null || header.isBlank() || header.length() > 2000) {
            return Optional.empty();
        }
        InternetAddress[] addresses;
        try {
            addresses = InternetAddress.parseHeader(header, false);
        } catch (AddressException | RuntimeException unparsable) {
            return Optional.empty();
        }
        if (addresses.length != 1 || addresses[0].isGroup()) {
            return Optional.empty();
        }
        return normalise(addresses[0].getAddress());
    }

    /** An address in its one spelling, or empty when it is not a plain mailbox. */
    public static Optional<String> normalise(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String a = address.strip();
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || a.length() > 320) {
            return Optional.empty();
        }
        String local = a.substring(0, at);
        if (local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")) {
            local = local.substring(1, local.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        local = local.toLowerCase(Locale.ROOT);
        if (local.length() > 64 || !DOT_ATOM.matcher(local).matches()) {
            return Optional.empty();
        }
        String domain;
        try {
            domain = IDN.toASCII(a.substring(at + 1), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return Optional.empty();
        }
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2 || domain.length() > 253) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        String result = local + "@" + domain;
        return result.length() > 254 ? Optional.empty() : Optional.of(result);
    }
}
