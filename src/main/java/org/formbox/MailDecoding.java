package org.formbox;

/**
 * Angus Mail reads its {@code mail.mime.*} switches once, when its classes load, so they are set
 * here, before anything touches a mail class.
 */
public final class MailDecoding {

    private MailDecoding() {
    }

    /** Sets the JVM-wide mail decoding switches unless the operator already set them. */
    public static void configure() {
        setDefault("mail.mime.decodefilename", "true");
        setDefault("mail.mime.decodeparameters", "true");
        setDefault("mail.mime.decodetext.strict", "false");
        setDefault("mail.mime.ignoreunknownencoding", "true");
        setDefault("mail.mime.parameters.strict", "false");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
