package org.formbox.reply;

import java.util.Map;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders the digest's templates: {@code ./mail-templates/digest.*} when an operator put one there,
 * else the one shipped in the jar. A private engine until the reply's template renderer is shared.
 */
final class CoordinatorDigestTemplates {

    private final TemplateEngine engine = new SpringTemplateEngine();

    CoordinatorDigestTemplates(String folder) {
        int order = 1;
        for (TemplateMode mode : new TemplateMode[] {TemplateMode.TEXT, TemplateMode.HTML}) {
            String pattern = mode == TemplateMode.TEXT ? "*.txt" : "*.html";
            FileTemplateResolver file = new FileTemplateResolver();
            file.setPrefix(folder.endsWith("/") ? folder : folder + "/");
            file.setCheckExistence(true);
            engine.addTemplateResolver(configure(file, mode, pattern, order++));
            engine.addTemplateResolver(configure(new ClassLoaderTemplateResolver(), mode, pattern, order++));
        }
    }

    private static AbstractConfigurableTemplateResolver configure(AbstractConfigurableTemplateResolver r, TemplateMode mode,
                                                                  String pattern, int order) {
        if (r instanceof ClassLoaderTemplateResolver) {
            r.setPrefix("mail-templates/");
            r.setCheckExistence(true);
        }
        r.setTemplateMode(mode);
        r.setResolvablePatterns(Set.of(pattern));
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(false);
        r.setOrder(order);
        return r;
    }

    /** Renders {@code name} (e.g. {@code digest.html}) with these variables. */
    String render(String name, Map<String, Object> variables) {
        return engine.process(name, new Context(java.util.Locale.SIMPLIFIED_CHINESE, variables));
    }
}
