package org.formbox.extraction;

import org.formbox.forms.Unreadable;

/** Maps what went wrong while parsing to what the sender is told. */
final class ReadFailures {

    private static final int MIN_PDF_TEXT = 20;

    private ReadFailures() {
    }

    static Unreadable reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            String message = String.valueOf(t.getMessage());
            if (t instanceof ScanContent.OcrUnavailable) {
                return Unreadable.SCANNED;
            }
            if (t instanceof java.io.InterruptedIOException || t instanceof InterruptedException) {
                return Unreadable.TIMEOUT;
            }
            if (type.endsWith("EncryptedDocumentException") || message.contains("password")) {
                return Unreadable.ENCRYPTED;
            }
            if (t instanceof OutOfMemoryError || t instanceof TikaContentHandler.TooMuchTextException
                    || message.contains("Zip bomb") || message.contains("maximum length")
                    || message.contains("exceeds the maximum") || message.contains("MaxOverride")) {
                return Unreadable.TOO_LARGE;
            }
            if (type.endsWith("OldFileFormatException") || type.endsWith("OldWordFileFormatException")
                    || type.endsWith("OldExcelFormatException")) {
                return Unreadable.UNSUPPORTED;
            }
        }
        return Unreadable.CORRUPT;
    }

    /** A PDF whose pages give (almost) no text, or glyphs without characters, is read like a scan. */
    static boolean noTextLayer(DocumentContent document) {
        if (document.unmappedText()) {
            return true; // glyphs without characters: what PDFBox makes of them is not the form's text
        }
        int chars = 0;
        for (Line l : document.lines()) {
            chars += l.text().replaceAll("\\s+", "").length();
        }
        return chars < MIN_PDF_TEXT && document.grids().isEmpty();
    }
}
