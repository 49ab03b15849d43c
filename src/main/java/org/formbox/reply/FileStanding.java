package org.formbox.reply;

import java.util.List;

/**
 * Where each enterprise's file stands after a mail, for the reply's own block (档案情况): what the
 * mail changed, what still stands, what is missing or to correct, and the deadline.
 *
 * @param enterprises one entry per enterprise the mail's forms name
 * @param deadline    a sentence on the deadline, or null when none is set
 */
public record FileStanding(List<Enterprise> enterprises, String deadline) {

    /**
     * One enterprise.
     *
     * @param name  its name
     * @param state where its file stands, in words (e.g. 尚缺附件2)
     * @param lines what changed, what stands, what is missing, what to correct
     */
    public record Enterprise(String name, String state, List<String> lines) {
    }
}
