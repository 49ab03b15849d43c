package org.formbox.intake;

import java.io.IOException;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cms.CMSCompressedData;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.ZlibExpanderProvider;
import org.formbox.forms.Unreadable;

/**
 * Signed and encrypted mail (S/MIME, RFC 8551; PGP/MIME, RFC 3156). A mail client that signs mail
 * with the sender's certificate either sends the message as it is plus a signature part
 * ({@code multipart/signed} with {@code smime.p7s}), or wraps the whole message in one CMS blob
 * ({@code smime.p7m}, signed-data). Neither is a file the sender attached. The signature is kept and
 * not read. The blob is opened, and what it holds is read as the message. Signatures are not verified:
 * a signature says nothing about whether a form is filled in correctly. Encrypted mail cannot be
 * opened without the collection mailbox's private key, which the service does not hold. It becomes
 * one unreadable entry, so the sender is told why.
 * BouncyCastle's CMS classes parse the blobs.
 */
final class SecureMail {

    /** A compressed-data blob is expanded to at most this, as much as one entry of a zip (a zlib bomb stops there). */
    static final int MAX_EXPANDED = 30 * 1024 * 1024;

    /** What a CMS blob held: the signed content, or why there is none. */
    record Opened(byte[] content, Unreadable problem) {
    }

    private SecureMail() {
    }

    /** A detached signature: of a signed mail, or of a file (a {@code .p7s} beside it). Never a form. */
    static boolean signature(String type, String filename) {
        return org.formbox.system.MailSignatures.isSignature(type, filename);
    }

    /** A CMS blob: an opaque-signed or encrypted message ({@code smime.p7m}), or a signed file ({@code 附件2.pdf.p7m}). */
    static boolean blob(String type, String filename) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.equals("application/pkcs7-mime") || t.equals("application/x-pkcs7-mime")) {
            return true;
        }
        return filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".p7m");
    }

    /**
     * The file a signed file's name stands for: {@code 附件2.pdf.p7m} holds {@code 附件2.pdf}. Null for a
     * mail's own blob ({@code smime.p7m}, or a name without a second extension), which holds a MIME entity.
     */
    static String signedFileName(String filename) {
        if (filename == null || !filename.toLowerCase(Locale.ROOT).endsWith(".p7m")) {
            return null;
        }
        String inner = filename.substring(0, filename.length() - 4);
        int dot = inner.lastIndexOf('.');
        boolean extension = dot > 0 && dot < inner.length() - 1 && inner.length() - dot <= 6;
        return extension ? inner : null;
    }

    /** Opens a CMS blob: what a signed-data or compressed-data blob holds, or that it is encrypted or broken. */
    static Opened open(byte[] der) {
        try {
            ContentInfo info;
            try (ASN1InputStream in = new ASN1InputStream(der)) {
                ASN1Primitive object = in.readObject();
                if (object == null) {
                    return new Opened(null, Unreadable.CORRUPT);
                }
                info = ContentInfo.getInstance(object);
            }
            ASN1ObjectIdentifier type = info.getContentType();
            if (CMSObjectIdentifiers.signedData.equals(type)) {
                CMSTypedData content = new CMSSignedData(info).getSignedContent();
                // a detached signature sent as .p7m holds no content
                return content == null || !(content.getContent() instanceof byte[] bytes)
                        ? new Opened(null, Unreadable.CORRUPT) : new Opened(bytes, null);
            }
            if (CMSObjectIdentifiers.compressedData.equals(type)) {
                try {
                    return new Opened(new CMSCompressedData(info).getContent(new ZlibExpanderProvider(MAX_EXPANDED)), null);
                } catch (CMSException e) {
                    boolean bomb = e.getCause() instanceof org.bouncycastle.util.io.StreamOverflowException;
                    return new Opened(null, bomb ? Unreadable.TOO_LARGE : Unreadable.CORRUPT);
                }
            }
            if (CMSObjectIdentifiers.envelopedData.equals(type) || CMSObjectIdentifiers.authEnvelopedData.equals(type)
                    || CMSObjectIdentifiers.encryptedData.equals(type)) {
                return new Opened(null, Unreadable.ENCRYPTED_MAIL);
            }
            return new Opened(null, Unreadable.UNSUPPORTED);
        } catch (IOException | CMSException | RuntimeException e) {
            // not DER at all, a structure BouncyCastle rejects, or expansion past the limit
            return new Opened(null, Unreadable.CORRUPT);
        } catch (StackOverflowError e) {
            // ASN.1 nested deeper than the parser's recursion: a hostile blob, not a mail client's
            return new Opened(null, Unreadable.CORRUPT);
        }
    }
}
