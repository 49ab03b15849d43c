package org.formbox.forms;

/** What an attachment was read as. */
public enum Annex {
    /** 附件1, the project proposal. */
    ANNEX_1("附件1 项目实施方案"),
    /** 附件2, the enterprise survey table. */
    ANNEX_2("附件2 企业基本情况调查表"),
    /** Readable, but neither annex. */
    OTHER("其他文件"),
    /** Could not be read at all. */
    UNREADABLE("无法读取");

    private final String label;

    Annex(String label) {
        this.label = label;
    }

    /** The Chinese name shown to senders and staff. */
    public String label() {
        return label;
    }
}
