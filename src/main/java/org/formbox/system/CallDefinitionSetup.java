package org.formbox.system;

import java.nio.file.Path;
import org.formbox.forms.CallDefinition;
import org.formbox.forms.CallDefinitions;
import org.formbox.forms.FieldCatalog;
import org.formbox.validation.AuditFormulas;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Reads the call definition named by {@code formbox.call.definition} (default {@code kjcx-2025}):
 * the file of that name in {@code formbox.call.definitions-dir} (default {@code ./calls}) when the
 * operator put one there, else the one shipped in the jar. It is checked whole, its audit formulas
 * compiled, before any bean exists: a definition that does not fit stops the service with the
 * file, the line and the fix. Then it is made the active call for readers, checks and templates.
 */
public class CallDefinitionSetup implements EnvironmentPostProcessor {

    /** The settings and their defaults, in this one place: they are read before any settings record is bound. */
    static final String NAME = "formbox.call.definition";
    static final String DIR = "formbox.call.definitions-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String name = environment.getProperty(NAME, CallDefinitions.DEFAULT).strip();
        Path dir = Path.of(environment.getProperty(DIR, "calls"));
        CallDefinition definition = CallDefinitions.load(dir, name);
        AuditFormulas.of(definition);
        FieldCatalog.use(definition);
    }
}
