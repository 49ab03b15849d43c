package org.formbox.reply;

import java.util.List;

/** The blank forms a sender gets back when the mail carried none. */
public interface BlankForms {

    /** The forms to attach. */
    List<Form> forms();

    /**
     * One blank form.
     *
     * @param filename    the name the sender sees
     * @param contentType its type
     * @param content     its bytes
     */
    record Form(String filename, String contentType, byte[] content) {
    }
}
