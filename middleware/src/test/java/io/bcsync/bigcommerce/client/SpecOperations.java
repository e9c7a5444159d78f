package io.bcsync.bigcommerce.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The operations of BigCommerce's OpenAPI specs (read at test time from ../shared/specs, never
 * copied into the repository): method, path under {@code /v2} or {@code /v3}, and the query
 * parameters each one defines (its own and its path's, local {@code $ref}s resolved).
 */
final class SpecOperations {
  record Operation(String file, String method, String path, Pattern pattern, Set<String> query) {}

  private final List<Operation> operations = new ArrayList<>();

  static SpecOperations load(Path referenceDir) throws IOException {
    SpecOperations specs = new SpecOperations();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(referenceDir)) {
      files = walk.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
    }
    for (Path file : files) {
      specs.add(file, referenceDir.relativize(file).toString());
    }
    return specs;
  }

  List<Operation> all() {
    return operations;
  }

  /** The operation answering {@code method} on {@code path} (e.g. {@code /v3/customers}). */
  Optional<Operation> find(String method, String path) {
    List<Operation> matches =
        operations.stream()
            .filter(o -> o.method().equalsIgnoreCase(method) && o.pattern().matcher(path).matches())
            .toList();
    // A literal segment beats a template one: /orders/count before /orders/{order_id}.
    return matches.stream().min((a, b) -> Long.compare(templates(a.path()), templates(b.path())));
  }

  private static long templates(String path) {
    return path.chars().filter(c -> c == '{').count();
  }

  @SuppressWarnings("unchecked")
  private void add(Path file, String name) throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(50 * 1024 * 1024);
    Map<String, Object> spec;
    try (InputStream in = Files.newInputStream(file)) {
      spec = new Yaml(options).load(in);
    }
    String version = version(spec);
    Object paths = spec.get("paths");
    if (version == null || !(paths instanceof Map)) {
      return;
    }
    for (Map.Entry<String, Object> entry : ((Map<String, Object>) paths).entrySet()) {
      Map<String, Object> item = (Map<String, Object>) entry.getValue();
      for (String method : List.of("get", "post", "put", "delete")) {
        if (!(item.get(method) instanceof Map)) {
          continue;
        }
        Set<String> query = new LinkedHashSet<>();
        collect(spec, item.get("parameters"), query);
        collect(spec, ((Map<String, Object>) item.get(method)).get("parameters"), query);
        String path = version + entry.getKey();
        operations.add(new Operation(name, method.toUpperCase(), path, pattern(path), query));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static String version(Map<String, Object> spec) {
    Object servers = spec.get("servers");
    if (!(servers instanceof List) || ((List<Object>) servers).isEmpty()) {
      return null;
    }
    String url = String.valueOf(((Map<String, Object>) ((List<Object>) servers).get(0)).get("url"));
    int at = url.lastIndexOf("/v");
    return at < 0 ? null : url.substring(at);
  }

  @SuppressWarnings("unchecked")
  private static void collect(Map<String, Object> spec, Object parameters, Set<String> query) {
    if (!(parameters instanceof List)) {
      return;
    }
    for (Object p : (List<Object>) parameters) {
      Map<String, Object> parameter = resolve(spec, (Map<String, Object>) p);
      if (parameter != null && "query".equals(parameter.get("in"))) {
        query.add(String.valueOf(parameter.get("name")));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> p) {
    Object ref = p.get("$ref");
    if (ref == null) {
      return p;
    }
    if (!ref.toString().startsWith("#/")) {
      return null;
    }
    Object node = spec;
    for (String part : ref.toString().substring(2).split("/")) {
      node = node instanceof Map ? ((Map<String, Object>) node).get(part) : null;
    }
    return node instanceof Map ? resolve(spec, (Map<String, Object>) node) : null;
  }

  private static Pattern pattern(String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
