package org.formbox.reply;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the mail templates: {@code *.html} as HTML, {@code *.txt} as text. A template in the
 * working folder's {@code mail-templates/} (an operator's edit) wins over the one in the jar. A
 * parsed template is kept for {@value #KEPT_MS} ms: an edit takes effect within that, and a round of
 * replies does not parse each template again for every mail (it did: the outbox spent much of its
 * time there).
 */
@Component
public class MailTemplates {

    /** How long a parsed template is kept before the files are looked at again. */
    static final long KEPT_MS = 10_000;

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    /**
     * The expressions' evaluation context, shared by every rendering: without one, Thymeleaf makes a
     * new one per rendering, and with it new property accessors whose caches are empty, so that
     * every property of every value was looked up again by reflection. Its caches are concurrent;
     * what a rendering sets (its variables, its expression objects) goes in Thymeleaf's own wrapper
     * around it, made per rendering.
     */
    private final org.springframework.expression.spel.support.StandardEvaluationContext expressions =
            new org.springframework.expression.spel.support.StandardEvaluationContext();

    public MailTemplates(@Value("${formbox.mail-templates.dir:mail-templates}") String dir) {
        // the expressions of a template run for every mail: compiled after their first runs, rendering a
        // reply takes about half the time (an expression that cannot be compiled keeps being interpreted)
        engine.setEnableSpringELCompiler(true);
        // built now, not lazily on the first renderings of several threads at once
        expressions.getPropertyAccessors();
        expressions.getMethodResolvers();
        expressions.getConstructorResolvers();
        expressions.getTypeLocator();
        expressions.getTypeConverter();
        String prefix = Path.of(dir).toAbsolutePath() + "/";
        int order = 1;
        for (TemplateMode mode : new TemplateMode[] {TemplateMode.HTML, TemplateMode.TEXT}) {
            String pattern = mode == TemplateMode.HTML ? "*.html" : "*.txt";
            FileTemplateResolver file = new FileTemplateResolver();
            file.setPrefix(prefix);
            file.setCheckExistence(true);
            configure(file, mode, pattern, order++);
            ClassLoaderTemplateResolver jar = new ClassLoaderTemplateResolver();
            jar.setPrefix("mail-templates/");
            jar.setCheckExistence(true);
            configure(jar, mode, pattern, order++);
        }
    }

    private void configure(AbstractConfigurableTemplateResolver resolver, TemplateMode mode, String pattern, int order) {
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        resolver.setCacheTTLMs(KEPT_MS);
        resolver.setOrder(order);
        engine.addTemplateResolver(resolver);
    }

    /**
     * Renders a template, e.g. {@code reply.html}, with these variables and, in every template, the
     * active call: {@code call} (its {@code title}, {@code shortName} …) and {@code forms}, its forms
     * by short name (附件1、附件2).
     */
    public String render(String template, Map<String, Object> variables) {
        Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE);
        context.setVariable("call", org.formbox.forms.FieldCatalog.definition());
        context.setVariable("forms", org.formbox.forms.FormNames.all());
        context.setVariables(variables);
        context.setVariable(org.thymeleaf.spring6.expression.ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                expressions);
        return engine.process(template, context);
    }
}
