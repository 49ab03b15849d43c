package org.formbox;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.StreamProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProviderLookupsTests {

    private static final String[] PROPERTIES = {StreamProvider.class.getName(), SAXParserFactory.class.getName(),
            DocumentBuilderFactory.class.getName()};
    private final Map<String, String> before = new java.util.HashMap<>();

    @BeforeEach
    void clear() {
        for (String p : PROPERTIES) {
            before.put(p, System.getProperty(p));
            System.clearProperty(p);
        }
    }

    @AfterEach
    void restore() {
        before.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }

    @Test
    void eachProviderIsNamedAsTheLibrariesOwnLookupFindsIt() throws Exception {
        String mail = StreamProvider.provider().getClass().getName();
        String sax = SAXParserFactory.newInstance().getClass().getName();

        Map<String, String> pinned = ProviderLookups.pin();

        assertThat(pinned).containsEntry(StreamProvider.class.getName(), mail).containsEntry(SAXParserFactory.class.getName(), sax);
        assertThat(System.getProperty(StreamProvider.class.getName())).isEqualTo(mail);
        assertThat(StreamProvider.provider().getClass().getName()).isEqualTo(mail);
        assertThat(SAXParserFactory.newInstance().getClass().getName()).isEqualTo(sax);
        // mail is still read and written as before
        String raw = "From: a@example.com\r\nSubject: " + MimeUtility.encodeText("附件", "UTF-8", "B")
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + java.util.Base64.getEncoder().encodeToString("调查表见附件".getBytes(StandardCharsets.UTF_8)) + "\r\n--b--\r\n";
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        assertThat(message.getSubject()).isEqualTo("附件");
        assertThat(((MimeMultipart) message.getContent()).getBodyPart(0).getContent()).isEqualTo("调查表见附件");
    }

    @Test
    void aProviderTheOperatorNamedIsLeftAsItIs() {
        System.setProperty(SAXParserFactory.class.getName(), "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");

        assertThat(ProviderLookups.pin()).doesNotContainKey(SAXParserFactory.class.getName());
        assertThat(System.getProperty(SAXParserFactory.class.getName()))
                .isEqualTo("com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
    }
}
