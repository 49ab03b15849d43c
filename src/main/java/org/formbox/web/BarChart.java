package org.formbox.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A horizontal bar chart drawn as server-rendered SVG (no script, nothing inline to allow).
 *
 * @param title  the caption
 * @param bars   one per category
 * @param height the drawing's height in pixels
 */
record BarChart(String title, List<Bar> bars, int height) {

    static final int ROW = 26;
    static final int WIDTH = 360;

    /**
     * One bar.
     *
     * @param label the category
     * @param count its count
     * @param width the bar's length in pixels
     * @param y     its top
     * @param href  the search it opens
     */
    record Bar(String label, long count, int width, int y, String href) {
    }

    static <K> BarChart of(String title, Map<K, Long> counts, Function<K, String> label, Function<K, String> href) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (Map.Entry<K, Long> e : counts.entrySet()) {
            int width = max == 0 ? 0 : (int) Math.max(e.getValue() > 0 ? 2 : 0, Math.round(WIDTH * (double) e.getValue() / max));
            bars.add(new Bar(label.apply(e.getKey()), e.getValue(), width, y, href.apply(e.getKey())));
            y += ROW;
        }
        return new BarChart(title, bars, Math.max(y, ROW));
    }
}
