package org.formbox.extraction;

/**
 * A straight table border on a page, horizontal or vertical, in the coordinates of {@link Box}.
 *
 * @param horizontal whether it runs left to right
 * @param at         its y (horizontal) or x (vertical)
 * @param from       where it starts along its length
 * @param to         where it ends
 */
record Ruling(boolean horizontal, double at, double from, double to) {

    boolean spans(double position) {
        return from - 1 <= position && position <= to + 1;
    }
}
