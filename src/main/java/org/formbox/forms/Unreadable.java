package org.formbox.forms;

/** Why an attachment could not be read, with what the sender is told. */
public enum Unreadable {
    CORRUPT("文件已损坏或格式不完整，无法打开", "请重新保存后再发送 Word（.docx/.doc）或 Excel（.xlsx）文件"),
    ENCRYPTED("文件设有密码保护", "请取消密码后重新发送"),
    TOO_LARGE("文件过大或压缩包内容过多", "请单独发送{forms}的 Word 文件，每个不超过 20MB"),
    SCANNED("文件是扫描件或图片，没有可读取的文字", "请发送填写好的 Word（.docx/.doc）原文件"),
    UNSUPPORTED("文件格式无法识别", "请发送 Word（.docx/.doc）、Excel（.xlsx）或带文字的 PDF 文件"),
    MACRO("文件含有宏，出于安全考虑未予打开", "请另存为不含宏的 .docx 或 .xlsx 后重新发送"),
    TIMEOUT("文件读取超时", "请重新保存为 .docx 后再发送"),
    RAR("文件是 RAR 压缩包，本系统无法打开", "请改用 zip 格式压缩，或直接发送{forms}的 Word 文件"),
    /** A phone's photo format (HEIC/HEIF, AVIF, WebP) that the OCR cannot open. */
    PHOTO_FORMAT("文件是手机照片格式（HEIC、WebP 等），本系统无法打开",
            "请在手机上将照片存为 JPG 格式后重新发送（iPhone 可在“设置 > 相机 > 格式”中选择“兼容性最佳”），或直接发送{forms}的 Word 原文件"),
    /** A mail encrypted to the collection mailbox (S/MIME enveloped-data, PGP/MIME): its files cannot be opened. */
    ENCRYPTED_MAIL("邮件经过加密（S/MIME 或 PGP），系统无法解密，其中的附件无法读取",
            "请在邮件客户端中取消“加密邮件”后重新发送（数字签名可以保留）"),
    /** A Word file whose text is laid out in positioned text boxes, as PDF-to-Word converters make it. */
    BOX_LAYOUT("文件中的文字分散在大量文本框中，像是由 PDF 转换成的 Word，无法按表格读取",
            "请发送填写好的{forms}的 Word 原文件（.docx/.doc）、Excel 文件，或直接发送 PDF 文件，不必转换成 Word"),
    /** A link in the mail instead of the file: a large-attachment link, a netdisk share, an online document. */
    LINK("文件以超大附件、网盘或在线文档的链接发送，系统无法打开链接下载",
            "请将文件下载或导出为 Word（.docx）、Excel（.xlsx）或 PDF 文件，直接作为邮件附件发送；文件较大时可压缩为 zip，或分几封邮件发送");

    private final String reason;
    private final String remedy;

    Unreadable(String reason, String remedy) {
        this.reason = reason;
        this.remedy = remedy;
    }

    /** What is wrong, in a phrase for the sender. */
    public String reason() {
        return reason;
    }

    /** What to send instead ({forms}: the call's forms, 附件1、附件2). */
    public String remedy() {
        return remedy.replace("{forms}", FormNames.all());
    }
}
