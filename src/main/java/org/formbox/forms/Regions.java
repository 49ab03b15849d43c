package org.formbox.forms;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The canonical name of a Ningbo district, county or zone ({@link FieldCatalog#REGIONS}) for an
 * answer that names exactly one of them in a short or long form: {@code 奉化} → {@code 奉化区},
 * {@code 宁波市鄞州区} → {@code 鄞州区}, {@code 高新区} → {@code 宁波高新区}, {@code 奉化市} → {@code 奉化区}.
 * Anything else (another city, a town, two regions) has no canonical name and stays as written.
 */
public final class Regions {

    /** Longest first, so that 保税港区 is removed whole and not as 区. */
    private static final List<String> SUFFIXES = List.of("旅游度假区", "保税港区", "度假区", "开发区", "保税区", "新区", "区", "市", "县");
    private static final List<String> PREFIXES = List.of("浙江省宁波市", "浙江宁波市", "浙江省宁波", "浙江宁波", "宁波市", "宁波");

    private record Core(String core, String canonical) {
    }

    private static final List<Core> CORES = cores();

    private Regions() {
    }

    /** The canonical name this answer stands for, or empty when it names no single region. */
    public static Optional<String> canonical(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        String text = Normalizer.normalize(answer, Normalizer.Form.NFKC).replaceAll("\\s", "");
        if (FieldCatalog.REGIONS.contains(text)) {
            return Optional.of(text);
        }
        for (String prefix : PREFIXES) {
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                text = text.substring(prefix.length());
                break;
            }
        }
        String found = null;
        for (Core c : CORES) {
            if (text.startsWith(c.core()) && suffixOnly(text.substring(c.core().length()))) {
                if (found != null && !found.equals(c.canonical())) {
                    return Optional.empty();
                }
                found = c.canonical();
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean suffixOnly(String rest) {
        return rest.isEmpty() || SUFFIXES.contains(rest);
    }

    private static List<Core> cores() {
        List<Core> cores = new ArrayList<>();
        for (String region : FieldCatalog.REGIONS) {
            String name = region.startsWith("宁波") ? region.substring(2) : region;
            cores.add(new Core(name, region));
            for (String suffix : SUFFIXES) {
                // two characters at least: 高新区 becomes 高新, not 高
                if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                    cores.add(new Core(name.substring(0, name.length() - suffix.length()), region));
                    break;
                }
            }
        }
        return List.copyOf(cores);
    }
}
