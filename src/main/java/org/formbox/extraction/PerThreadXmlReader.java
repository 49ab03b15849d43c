package org.formbox.extraction;

import java.io.IOException;
import org.apache.poi.ooxml.POIXMLTypeLoader;
import org.apache.xmlbeans.XmlOptions;
import org.apache.xmlbeans.impl.common.SAXHelper;
import org.xml.sax.ContentHandler;
import org.xml.sax.DTDHandler;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.XMLReader;

/**
 * The SAX reader POI's XML parts are parsed with: one per thread, made once with the options POI
 * gives every part, instead of one per part.
 *
 * <p>XmlBeans makes a new reader for each part it parses, and each time tries to load a class of the
 * stand-alone Xerces parser, which is not on the class path. A class that is not there is looked for
 * in every jar; in the packaged service, with some 200 of them, that search was 7 % of the service's
 * time at the deadline morning's 2,000 mails (docs/benchmark.md). XmlBeans lets the caller hand it
 * the reader ({@link XmlOptions#setLoadUseXMLReader}); this one passes each call on to the reader
 * of the calling thread, made by XmlBeans' own {@link SAXHelper} from the same options, so every
 * feature and limit it sets (secure processing, no external DTDs, no DOCTYPE, the entity expansion
 * limit) is the same. A parse is never nested in another on one thread, and after each parse the
 * handlers are let go, so a reader does not keep the last part it read.
 */
final class PerThreadXmlReader implements XMLReader {

    private static volatile boolean installed;

    private final ThreadLocal<XMLReader> readers;

    private PerThreadXmlReader(XmlOptions options) {
        XmlOptions own = new XmlOptions(options);
        this.readers = ThreadLocal.withInitial(() -> {
            try {
                return SAXHelper.newXMLReader(own);
            } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
                throw new IllegalStateException("no XML reader: " + e.getMessage(), e);
            }
        });
    }

    /** Hands POI's XML parts to a reader per thread; once per JVM. */
    static synchronized void install() {
        if (installed) {
            return;
        }
        XmlOptions options = POIXMLTypeLoader.DEFAULT_XML_OPTIONS;
        if (options.getLoadUseXMLReader() == null) {
            options.setLoadUseXMLReader(new PerThreadXmlReader(options));
        }
        installed = true;
    }

    private XMLReader reader() {
        return readers.get();
    }

    @Override
    public void parse(InputSource input) throws IOException, SAXException {
        XMLReader r = reader();
        try {
            r.parse(input);
        } finally {
            release(r);
        }
    }

    @Override
    public void parse(String systemId) throws IOException, SAXException {
        XMLReader r = reader();
        try {
            r.parse(systemId);
        } finally {
            release(r);
        }
    }

    private static void release(XMLReader r) {
        r.setContentHandler(null);
        r.setErrorHandler(null);
        r.setDTDHandler(null);
        r.setEntityResolver(null);
        try {
            r.setProperty("http://xml.org/sax/properties/lexical-handler", null);
            r.setProperty("http://xml.org/sax/properties/declaration-handler", null);
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            // a reader without these properties holds no such handler
        }
    }

    @Override
    public boolean getFeature(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
        return reader().getFeature(name);
    }

    @Override
    public void setFeature(String name, boolean value) throws SAXNotRecognizedException, SAXNotSupportedException {
        reader().setFeature(name, value);
    }

    @Override
    public Object getProperty(String name) throws SAXNotRecognizedException, SAXNotSupportedException {
        return reader().getProperty(name);
    }

    @Override
    public void setProperty(String name, Object value) throws SAXNotRecognizedException, SAXNotSupportedException {
        reader().setProperty(name, value);
    }

    @Override
    public void setEntityResolver(EntityResolver resolver) {
        reader().setEntityResolver(resolver);
    }

    @Override
    public EntityResolver getEntityResolver() {
        return reader().getEntityResolver();
    }

    @Override
    public void setDTDHandler(DTDHandler handler) {
        reader().setDTDHandler(handler);
    }

    @Override
    public DTDHandler getDTDHandler() {
        return reader().getDTDHandler();
    }

    @Override
    public void setContentHandler(ContentHandler handler) {
        reader().setContentHandler(handler);
    }

    @Override
    public ContentHandler getContentHandler() {
        return reader().getContentHandler();
    }

    @Override
    public void setErrorHandler(ErrorHandler handler) {
        reader().setErrorHandler(handler);
    }

    @Override
    public ErrorHandler getErrorHandler() {
        return reader().getErrorHandler();
    }
}
