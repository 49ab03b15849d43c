package org.formbox.extraction;

/** The document formats the readers handle, as detected from content. */
enum Format {
    DOCX, DOC, XLSX, XLS, PDF, ODF, RTF, HTML, TEXT,
    /** A single-file web page (.mht, also a ".doc" some web systems hand out), read through its HTML page. */
    MHT,
    /** GB/T 33190, the Chinese fixed-layout format, read like a PDF with a text layer. */
    OFD,
    /** A scan or photo: JPEG, PNG, TIFF, BMP or GIF, read by OCR. */
    IMAGE
}
