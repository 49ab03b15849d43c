package org.formbox.system;

import java.util.Locale;

/**
 * The detached signature of a signed mail ({@code smime.p7s}, {@code OpenPGP_signature.asc}) or of a
 * signed file (a {@code .p7s} beside it): a part the sender's client adds, never a form. The intake
 * keeps it without reading it, and the reply names it for what it is.
 */
public final class MailSignatures {

    private MailSignatures() {
    }

    /** Whether a part with this declared type (without parameters) and name is a signature. */
    public static boolean isSignature(String type, String filename) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.equals("application/pkcs7-signature") || t.equals("application/x-pkcs7-signature")
                || t.equals("application/pgp-signature")) {
            return true;
        }
        return filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".p7s");
    }
}
