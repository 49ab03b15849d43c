package org.formbox.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Routes ship inside the jar; a file of the same name in the working folder's {@code routes/}
 * (an operator's edit) takes its place, and further files there are added. Computed once at
 * start as {@code camel.main.routes-include-pattern}, unless the operator set that property.
 */
public class RouteOverrides implements EnvironmentPostProcessor {

    static final String PATTERN = "camel.main.routes-include-pattern";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PATTERN)) {
            return;
        }
        Path dir = Path.of(environment.getProperty("formbox.routes.dir", "routes"));
        Map<String, String> routes = new LinkedHashMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:routes/*.camel.yaml")) {
                routes.put(r.getFilename(), "classpath:routes/" + r.getFilename());
            }
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".camel.yaml")).sorted()
                            .forEach(f -> routes.put(f.getFileName().toString(), "file:" + f.toAbsolutePath()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        environment.getPropertySources().addLast(new MapPropertySource("formbox-routes",
                Map.of(PATTERN, String.join(",", routes.values()))));
    }
}
