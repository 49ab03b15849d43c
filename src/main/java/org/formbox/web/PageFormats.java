package org.formbox.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.formbox.export.Labels;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.springframework.stereotype.Component;

/** Formatting the pages call as {@code ${@fmt.…}}: times in the server's zone, Chinese names. */
@Component("fmt")
class PageFormats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    public String status(String status) {
        return Labels.status(status);
    }

    public String annex(String annex) {
        return Labels.annex(annex);
    }

    public String severity(String severity) {
        return Labels.severity(severity);
    }

    public String label(String key) {
        return FieldCatalog.byKey(key).map(FieldDef::label).orElse(key);
    }
}
