package org.formbox.validation;

import java.text.Normalizer;
import java.util.List;
import org.formbox.forms.FieldCatalog;

/**
 * Recognises a Ningbo district, county or zone however it is written: {@code 鄞州},
 * {@code 宁波市鄞州区}, {@code 高新区}, {@code 奉化市} (奉化 was a county-level city until 2016).
 */
final class NingboRegions {

    /** Longest first, so that 保税港区 is removed whole and not as 区. */
    private static final List<String> SUFFIXES = List.of("旅游度假区", "保税港区", "开发区", "新区", "区", "市", "县");

    /** The distinctive part of each official name: 鄞州区 → 鄞州, 宁波高新区 → 高新, 大榭开发区 → 大榭. */
    private static final List<String> CORES = FieldCatalog.REGIONS.stream().map(NingboRegions::core).toList();

    private NingboRegions() {
    }

    /** Whether the answer names one of the regions of FieldCatalog.REGIONS. */
    static boolean recognises(String answer) {
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC).replaceAll("\\s", "");
        return CORES.stream().anyMatch(text::contains);
    }

    private static String core(String region) {
        String name = region.startsWith("宁波") ? region.substring(2) : region;
        for (String suffix : SUFFIXES) {
            // Keep two characters at least: 高新区 must become 高新, not 高.
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
