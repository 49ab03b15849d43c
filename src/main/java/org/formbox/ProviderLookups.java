package org.formbox;

import jakarta.mail.util.StreamProvider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.transform.TransformerFactory;

/**
 * Resolves, once at start, the providers that the mail and XML libraries otherwise look up anew on
 * every call, and names each in its system property, which those lookups read first.
 *
 * <p>Angus Mail asks {@link StreamProvider#provider()} for every body part it creates and every
 * header it decodes, and XmlBeans asks {@link SAXParserFactory#newInstance()} for every XML part POI
 * opens. Each such lookup is a {@link java.util.ServiceLoader} search through every jar on the class
 * path; in the packaged service (about 200 nested jars) the benchmark's profile found them at a fifth
 * of the CPU spent on a mail. A property names the provider the search finds, so what runs is the
 * same; only the search is made once. A property the operator set is left as it is.
 */
public final class ProviderLookups {

    private ProviderLookups() {
    }

    /** Names each provider in its system property, unless already set; returns what was pinned. */
    public static Map<String, String> pin() {
        Map<String, Supplier<Object>> lookups = new LinkedHashMap<>();
        lookups.put(StreamProvider.class.getName(), StreamProvider::provider);
        lookups.put(SAXParserFactory.class.getName(), SAXParserFactory::newInstance);
        lookups.put(DocumentBuilderFactory.class.getName(), DocumentBuilderFactory::newInstance);
        lookups.put(XMLInputFactory.class.getName(), XMLInputFactory::newFactory);
        lookups.put(XMLOutputFactory.class.getName(), XMLOutputFactory::newFactory);
        lookups.put(XMLEventFactory.class.getName(), XMLEventFactory::newFactory);
        lookups.put(TransformerFactory.class.getName(), TransformerFactory::newInstance);
        Map<String, String> pinned = new LinkedHashMap<>();
        lookups.forEach((property, lookup) -> {
            if (System.getProperty(property) != null) {
                return;
            }
            try {
                String provider = lookup.get().getClass().getName();
                System.setProperty(property, provider);
                pinned.put(property, provider);
            } catch (RuntimeException | Error e) {
                // no provider now: the library's own lookup will say so when it is asked
            }
        });
        return pinned;
    }
}
