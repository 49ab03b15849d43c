package org.formbox.web;

import org.formbox.forms.CallDefinition;
import org.formbox.forms.FieldCatalog;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page knows the active call as {@code call}: its title and short name head the pages. */
@ControllerAdvice
class CallModel {

    @ModelAttribute("call")
    CallDefinition call() {
        return FieldCatalog.definition();
    }
}
