package org.formbox.submission;

/**
 * Where an enterprise's file stands (docs/API.md). The first that applies, in this order; computed in
 * one place only, {@link EnterpriseFile#stateOf}, and every count of the service comes from it.
 */
public enum EnterpriseState {
    /** On the roster, nothing received. */
    NOT_SUBMITTED("未提交", 3),
    /** No readable Annex 1 yet. */
    MISSING_ANNEX_1("缺附件1", 1),
    /** No readable Annex 2 yet. */
    MISSING_ANNEX_2("缺附件2", 2),
    /** Both annexes may be there, but an error stands in a current annex. */
    NEEDS_CORRECTION("需更正", 0),
    /** Both annexes current, no error standing. */
    ACCEPTED("已交齐", 4);

    private final String label;
    private final int actionOrder;

    EnterpriseState(String label, int actionOrder) {
        this.label = label;
        this.actionOrder = actionOrder;
    }

    /** The Chinese name staff see. */
    public String label() {
        return label;
    }

    /** Lower first: what needs someone's action comes before what is done. */
    public int actionOrder() {
        return actionOrder;
    }

    /** Whether a reminder may go out for a file in this state. */
    public boolean remindable() {
        return this != ACCEPTED;
    }
}
