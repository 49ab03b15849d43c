package org.formbox.extraction;

/** The document formats the readers handle, as detected from content. */
enum Format {
    DOCX, DOC, XLSX, XLS, PDF, ODF, RTF, HTML, TEXT,
    /** A scan or photo: JPEG, PNG, TIFF, BMP or GIF, read by OCR. */
    IMAGE
}
