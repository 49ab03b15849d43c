package org.formbox.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlObject;
import org.junit.jupiter.api.Test;

/** POI's XML parts go through one reader per thread, as safe as the reader XmlBeans makes per part. */
class PerThreadXmlReaderTests {

    private static final DocumentReader READER = new DocumentReader();

    @Test
    void poiParsesWithTheSharedPerThreadReader() throws Exception {
        assertThat(POIXMLTypeLoader.DEFAULT_XML_OPTIONS.getLoadUseXMLReader()).isInstanceOf(PerThreadXmlReader.class);
        XmlObject parsed = XmlObject.Factory.parse("<a xmlns=\"urn:x\"><b>值</b></a>", POIXMLTypeLoader.DEFAULT_XML_OPTIONS);
        assertThat(parsed.xmlText()).contains("值");
    }

    @Test
    void anExternalEntityIsNotRead() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<a>&x;</a>";
        assertThatThrownBy(() -> XmlObject.Factory.parse(xxe, POIXMLTypeLoader.DEFAULT_XML_OPTIONS))
                .isInstanceOf(XmlException.class);
        // and the thread's reader is fine for the next part
        assertThat(parseOk()).contains("ok");
    }

    @Test
    void entityExpansionIsRefused() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE a [\n <!ENTITY l0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            s.append(" <!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">\n");
        }
        s.append("]>\n<a>&l9;</a>");
        assertThatThrownBy(() -> XmlObject.Factory.parse(s.toString(), POIXMLTypeLoader.DEFAULT_XML_OPTIONS))
                .isInstanceOf(XmlException.class);
        assertThat(parseOk()).contains("ok");
    }

    @Test
    void documentsReadSideBySideGiveWhatEachGivesAlone() throws Exception {
        List<String> files = List.of("e03-annex2.xlsx", "e01-annex2.docx", "e05-annex2.docx", "e09-annex1.docx");
        Map<String, ?> alone = files.stream().collect(java.util.stream.Collectors.toMap(f -> f, f -> read(f)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Object>> side = new ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (String f : files) {
                    side.add(pool.submit(() -> read(f)));
                }
            }
            for (int i = 0; i < side.size(); i++) {
                assertThat(side.get(i).get()).isEqualTo(alone.get(files.get(i % files.size())));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Object read(String file) {
        try (InputStream in = PerThreadXmlReaderTests.class.getResourceAsStream("/sample-docs/" + file)) {
            byte[] bytes = in != null ? in.readAllBytes()
                    : java.nio.file.Files.readAllBytes(java.nio.file.Path.of("sample-submissions/docs", file));
            ReadDocument read = READER.read(file, bytes);
            assertThat(read.unreadable()).isNull();
            return read.fields();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parseOk() {
        try {
            return XmlObject.Factory.parse("<a>ok</a>", POIXMLTypeLoader.DEFAULT_XML_OPTIONS).xmlText();
        } catch (XmlException e) {
            throw new AssertionError(e);
        }
    }
}
