package org.formbox.forms;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The regions of the active call ({@code regions:} of the definition) however senders write them.
 * {@link #canonical} gives the official name for an answer that names exactly one region in a
 * short or long form: {@code 奉化} → {@code 奉化区}, {@code 宁波市鄞州区} → {@code 鄞州区},
 * {@code 高新区} → {@code 宁波高新区}, {@code 奉化市} → {@code 奉化区}; anything else (another city,
 * a town, two regions) has none and stays as written. {@link #recognises} is looser: the answer
 * mentions a region somewhere (宁波市鄞州区姜山镇).
 */
public final class Regions {

    private record Core(String core, String canonical) {
    }

    private Regions() {
    }

    /** The canonical name this answer stands for, or empty when it names no single region. */
    public static Optional<String> canonical(String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        CallDefinition.RegionNames names = FieldCatalog.definition().regions();
        String text = compact(answer);
        if (names.names().contains(text)) {
            return Optional.of(text);
        }
        for (String prefix : names.prefixes()) {
            if (text.startsWith(prefix) && text.length() > prefix.length()) {
                text = text.substring(prefix.length());
                break;
            }
        }
        String found = null;
        for (Core c : cores(names)) {
            String rest = text.startsWith(c.core()) ? text.substring(c.core().length()) : null;
            if (rest != null && (rest.isEmpty() || names.suffixes().contains(rest))) {
                if (found != null && !found.equals(c.canonical())) {
                    return Optional.empty();
                }
                found = c.canonical();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the answer names one of the regions, in any of its forms, anywhere in it. */
    public static boolean recognises(String answer) {
        String text = compact(answer);
        return cores(FieldCatalog.definition().regions()).stream()
                .map(Core::core).distinct().anyMatch(text::contains);
    }

    private static String compact(String answer) {
        return Normalizer.normalize(answer, Normalizer.Form.NFKC).replaceAll("\\s", "");
    }

    /** For each region its name without the city, and its distinctive part: 宁波高新区 → 高新区, 高新. */
    private static List<Core> cores(CallDefinition.RegionNames names) {
        List<Core> cores = new ArrayList<>();
        for (String region : names.names()) {
            String name = region;
            for (String city : names.city()) {
                if (name.startsWith(city) && name.length() > city.length()) {
                    name = name.substring(city.length());
                    break;
                }
            }
            cores.add(new Core(name, region));
            for (String suffix : names.suffixes()) {
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
