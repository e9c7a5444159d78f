package io.bcsync.deploy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration keys the service really reads, collected from what it is built of rather than
 * from a list someone has to keep: every {@code @ConfigurationProperties} / {@code @EachProperty}
 * record (its prefix and components, kebab-cased as Micronaut binds them), every property named in
 * {@code ${...}}, {@code @Property} or {@code @Requires(property = ...)} in the main sources, and
 * every key of the packaged application.yml (which holds Micronaut's own: {@code datasources.*},
 * {@code micronaut.*}).
 */
final class ServiceProperties {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.\\-]+)[:}]");
  private static final Pattern NAMED = Pattern.compile("property = \"([a-z0-9.\\-]+)\"");
  private static final Pattern NAME = Pattern.compile("@Property\\(name = \"([a-z0-9.\\-]+)\"");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([a-z0-9.]+);");
  private static final String EACH = "*";

  private final Set<String> keys = new TreeSet<>();

  ServiceProperties(Path mainSources) throws IOException {
    try (Stream<Path> files = Files.walk(mainSources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        collect(PLACEHOLDER, source);
        collect(NAMED, source);
        collect(NAME, source);
        if (source.contains("@ConfigurationProperties(") || source.contains("@EachProperty(")) {
          addRecord(className(file, source));
        }
      }
    }
    try (InputStream yaml = ServiceProperties.class.getResourceAsStream("/application.yml")) {
      flatten("", new Yaml().load(yaml), keys);
    }
  }

  Set<String> keys() {
    return keys;
  }

  /**
   * Whether {@code key} (a dotted YAML path) is one the service reads. A key under a configured
   * store ({@code bcsync.bigcommerce.stores.<hash>.x}) matches the store record's {@code *.x}.
   */
  boolean reads(String key) {
    return keys.stream()
        .anyMatch(
            known ->
                known.equals(key)
                    || known.contains(EACH)
                        && key.matches(Pattern.quote(known).replace(EACH, "\\E[a-z0-9]+\\Q")));
  }

  /**
   * The property an environment variable sets, if the service reads one: Micronaut maps {@code
   * BCSYNC_ADMIN_TOKEN} to every spelling with dots or dashes for the underscores, so compare
   * without separators.
   */
  boolean readsEnvironmentVariable(String name) {
    String wanted = name.toLowerCase(Locale.ROOT).replace("_", "");
    return keys.stream()
        .filter(key -> !key.contains(EACH))
        .anyMatch(key -> key.replace(".", "").replace("-", "").equals(wanted));
  }

  @SuppressWarnings("unchecked")
  static void flatten(String prefix, Object node, Set<String> into) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = prefix.isEmpty() ? entry.getKey().toString() : prefix + "." + entry.getKey();
        flatten(key, entry.getValue(), into);
      }
    } else if (!prefix.isEmpty()) {
      into.add(prefix);
    }
  }

  private void collect(Pattern pattern, String source) {
    Matcher matcher = pattern.matcher(source);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
  }

  private static String className(Path file, String source) {
    Matcher pkg = PACKAGE.matcher(source);
    if (!pkg.find()) {
      throw new IllegalStateException("no package in " + file);
    }
    String simple = file.getFileName().toString().replace(".java", "");
    return pkg.group(1) + "." + simple;
  }

  private void addRecord(String className) {
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("configuration class " + className + " not compiled", e);
    }
    ConfigurationProperties properties = type.getAnnotation(ConfigurationProperties.class);
    EachProperty each = type.getAnnotation(EachProperty.class);
    String prefix;
    if (properties != null) {
      prefix = properties.value();
    } else if (each != null) {
      prefix = each.value() + "." + EACH;
    } else {
      throw new IllegalStateException(className + ": its configuration annotation is not visible");
    }
    if (!type.isRecord()) {
      keys.add(prefix);
      return;
    }
    for (RecordComponent component : type.getRecordComponents()) {
      keys.add(prefix + "." + kebab(component.getName()));
    }
  }

  static String kebab(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  static Map<String, Object> load(Path file) {
    try {
      return new Yaml().load(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
