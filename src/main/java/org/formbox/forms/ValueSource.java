package org.formbox.forms;

/** Where a value was read from, so that staff can judge how far to trust it. */
public enum ValueSource {
    /** Typed into a table cell (Word, Excel, a PDF or HTML table). */
    CELL("表格"),
    /** Found in running text: a {@code 标签：值} line, a section body. */
    TEXT("正文"),
    /** Computed by evaluating a spreadsheet formula that came without a stored result. */
    FORMULA("公式计算"),
    /** The option(s) ticked in a row of tick boxes. */
    TICK("勾选"),
    /** Recognised from a scan or photo. */
    OCR("图像识别");

    private final String label;

    ValueSource(String label) {
        this.label = label;
    }

    /** The word staff see beside the value. */
    public String label() {
        return label;
    }
}
