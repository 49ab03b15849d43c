package org.formbox.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.formbox.export.Labels;
import org.formbox.forms.FieldCatalog;
import org.formbox.forms.FieldDef;
import org.formbox.system.CallSettings;
import org.springframework.stereotype.Component;

/** Formatting the pages call as {@code ${@fmt.…}}: times in {@code formbox.time-zone}, Chinese names. */
@Component("fmt")
class PageFormats {

    private final DateTimeFormatter time;

    PageFormats(CallSettings call) {
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(call.timeZone());
    }

    public String time(Instant instant) {
        return instant == null ? "" : time.format(instant);
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
