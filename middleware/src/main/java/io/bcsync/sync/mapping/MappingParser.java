package io.bcsync.sync.mapping;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.bcsync.sync.mapping.MappingDocument.LookupTable;
import io.bcsync.sync.mapping.MappingDocument.ObjectEntry;
import io.bcsync.sync.mapping.MappingDocument.Setting;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a mapping file into a {@link MappingDocument}. It walks SnakeYAML's node tree rather than
 * loading plain maps, because only the nodes know their line: every problem is reported with file,
 * line and field, and all problems of a file are collected before failing so an operator fixes them
 * in one go.
 */
final class MappingParser {
  private static final Set<String> SOURCE_KEYS = Set.of("path", "constant", "concat", "sum");
  private static final Set<String> FIELD_KEYS =
      Set.of(
          "path",
          "constant",
          "concat",
          "separator",
          "skip_blank",
          "sum",
          "subtract",
          "divide_by",
          "join",
          "lookup",
          "default",
          "date",
          "zone",
          "scale",
          "format",
          "truncate");
  private static final Set<String> OBJECT_KEYS =
      Set.of("source", "parent", "linked_by_sync", "fields");
  private static final Set<String> MATCHING_KEYS =
      Set.of(
          "rules",
          "fold_plus_addresses",
          "default_phone_region",
          "lead_policy",
          "new_customers_as");
  private static final Set<String> ORDERS_KEYS = Set.of("target", "activate_on_status");

  private final String file;
  private final List<MappingProblem> problems;

  private MappingParser(String file, List<MappingProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  /**
   * Parses one file; problems are added to {@code problems} and whatever could be read is returned.
   */
  static MappingDocument parse(String file, Reader reader, List<MappingProblem> problems) {
    return new MappingParser(file, problems).parse(reader);
  }

  private MappingDocument parse(Reader reader) {
    MappingDocument document =
        new MappingDocument(
            file, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
      problem(new SourceLocation(file, line), "yaml", "not valid YAML: " + e.getProblem());
      return document;
    } catch (YAMLException e) {
      problem(new SourceLocation(file, 1), "yaml", "not valid YAML: " + e.getMessage());
      return document;
    }
    if (root == null) {
      return document;
    }
    for (NodeTuple entry : entries(root, "file")) {
      String key = scalar(entry.getKeyNode(), "file");
      Node value = entry.getValueNode();
      switch (key == null ? "" : key) {
        case "objects" ->
            entries(value, "objects").forEach(object -> readObject(object, document.objects()));
        case "lookups" ->
            entries(value, "lookups").forEach(table -> readLookup(table, document.lookups()));
        case "matching" -> readSettings("matching", MATCHING_KEYS, value, document.settings());
        case "orders" -> readSettings("orders", ORDERS_KEYS, value, document.settings());
        default ->
            problem(
                at(entry.getKeyNode()),
                key,
                "unknown section (expected objects, lookups, matching, orders)");
      }
    }
    return document;
  }

  private void readObject(NodeTuple entry, Map<String, ObjectEntry> objects) {
    String object = scalar(entry.getKeyNode(), "objects");
    if (object == null) {
      return;
    }
    if (objects.containsKey(object)) {
      problem(at(entry.getKeyNode()), object, "object listed twice");
      return;
    }
    SourceKind source = null;
    String parent = null;
    List<String> linked = null;
    LinkedHashMap<String, FieldMapping> fields = new LinkedHashMap<>();
    for (NodeTuple setting : entries(entry.getValueNode(), object)) {
      String key = scalar(setting.getKeyNode(), object);
      Node value = setting.getValueNode();
      if (key == null) {
        continue;
      }
      switch (key) {
        case "source" -> {
          String raw = scalar(value, object + ".source");
          source = SourceKind.fromYaml(raw).orElse(null);
          if (raw != null && source == null) {
            problem(
                at(value),
                object,
                "unknown source '" + raw + "' (expected order, order_line or customer)");
          }
        }
        case "parent" -> parent = scalar(value, object + ".parent");
        case "linked_by_sync" -> linked = scalars(value, object + ".linked_by_sync");
        case "fields" ->
            entries(value, object + ".fields").forEach(field -> readField(object, field, fields));
        default ->
            problem(
                at(setting.getKeyNode()),
                object,
                "unknown key '" + key + "' (expected " + OBJECT_KEYS + ")");
      }
    }
    objects.put(
        object, new ObjectEntry(object, source, parent, linked, fields, at(entry.getKeyNode())));
  }

  private void readField(String object, NodeTuple entry, Map<String, FieldMapping> fields) {
    String field = scalar(entry.getKeyNode(), object + ".fields");
    if (field == null) {
      return;
    }
    String subject = object + "." + field;
    SourceLocation location = at(entry.getKeyNode());
    if (fields.containsKey(field)) {
      problem(location, subject, "field mapped twice");
      return;
    }
    Node value = entry.getValueNode();
    if (isNull(value)) {
      fields.put(field, null);
      return;
    }
    if (value instanceof ScalarNode) {
      pathSource(value, subject)
          .ifPresent(
              source ->
                  fields.put(
                      field, new FieldMapping(field, source, FieldOptions.none(), location)));
      return;
    }
    Map<String, Node> spec = keyed(value, subject, FIELD_KEYS);
    List<String> sources = spec.keySet().stream().filter(SOURCE_KEYS::contains).toList();
    if (sources.size() != 1) {
      problem(
          location,
          subject,
          "needs exactly one of path, constant, concat, sum; found "
              + (sources.isEmpty() ? "none" : sources));
      return;
    }
    ValueSource source =
        switch (sources.get(0)) {
          case "path" -> pathSource(spec.get("path"), subject).orElse(null);
          case "constant" -> new ValueSource.Constant(scalar(spec.get("constant"), subject));
          case "sum" -> sumSource(spec, subject);
          default ->
              concatSource(
                  spec.get("concat"),
                  optionalScalar(spec, "separator", subject),
                  bool(spec.get("skip_blank"), subject, false),
                  subject);
        };
    for (String concatOnly : List.of("separator", "skip_blank")) {
      if (spec.containsKey(concatOnly) && !spec.containsKey("concat")) {
        problem(at(spec.get(concatOnly)), subject, concatOnly + " only applies to concat");
      }
    }
    for (String sumOnly : List.of("subtract", "divide_by")) {
      if (spec.containsKey(sumOnly) && !spec.containsKey("sum")) {
        problem(at(spec.get(sumOnly)), subject, sumOnly + " only applies to sum");
      }
    }
    FieldOptions options =
        new FieldOptions(
            optionalScalar(spec, "join", subject),
            optionalScalar(spec, "lookup", subject),
            optionalScalar(spec, "default", subject),
            optionalScalar(spec, "date", subject),
            zone(spec.get("zone"), subject),
            integer(spec.get("scale"), subject),
            optionalScalar(spec, "format", subject),
            bool(spec.get("truncate"), subject, true));
    if (source != null) {
      fields.put(field, new FieldMapping(field, source, options, location));
    }
  }

  private ValueSource concatSource(Node node, String separator, boolean skipBlank, String subject) {
    if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      problem(at(node), subject, "concat needs a list of paths or {constant: ...} items");
      return null;
    }
    List<ValueSource> parts = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode) {
        pathSource(item, subject).ifPresent(parts::add);
      } else {
        Map<String, Node> spec = keyed(item, subject, Set.of("path", "constant"));
        if (spec.size() != 1) {
          problem(at(item), subject, "a concat item is a path or {constant: ...}");
        } else if (spec.containsKey("path")) {
          pathSource(spec.get("path"), subject).ifPresent(parts::add);
        } else {
          parts.add(new ValueSource.Constant(scalar(spec.get("constant"), subject)));
        }
      }
    }
    return new ValueSource.Concat(parts, separator == null ? "" : separator, skipBlank);
  }

  private ValueSource sumSource(Map<String, Node> spec, String subject) {
    List<ValueSource.Path> add = pathList(spec.get("sum"), "sum", subject);
    List<ValueSource.Path> subtract =
        spec.containsKey("subtract")
            ? pathList(spec.get("subtract"), "subtract", subject)
            : List.of();
    ValueSource.Path divideBy = null;
    if (spec.containsKey("divide_by")) {
      divideBy = (ValueSource.Path) pathSource(spec.get("divide_by"), subject).orElse(null);
      if (divideBy != null && !divideBy.compiled().isDefinite()) {
        problem(
            at(spec.get("divide_by")), subject, "divide_by needs a path to one value, not a list");
      }
    }
    return add == null || subtract == null ? null : new ValueSource.Sum(add, subtract, divideBy);
  }

  /** A non-empty list of paths; null (after reporting) when it is not one. */
  private List<ValueSource.Path> pathList(Node node, String option, String subject) {
    if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      problem(at(node), subject, option + " needs a list of paths");
      return null;
    }
    List<ValueSource.Path> paths = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      pathSource(item, subject).ifPresent(path -> paths.add((ValueSource.Path) path));
    }
    return paths;
  }

  private java.util.Optional<ValueSource> pathSource(Node node, String subject) {
    String expression = scalar(node, subject);
    if (expression == null) {
      return java.util.Optional.empty();
    }
    // Plain strings are paths; requiring "$" catches a constant written without {constant: ...}.
    if (!expression.startsWith("$")) {
      problem(
          at(node),
          subject,
          "'"
              + expression
              + "' is not a JSONPath (paths start with $; write a fixed value as {constant: ...})");
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new ValueSource.Path(expression, JsonPath.compile(expression)));
    } catch (InvalidPathException e) {
      problem(at(node), subject, "invalid JSONPath '" + expression + "': " + e.getMessage());
      return java.util.Optional.empty();
    }
  }

  private void readLookup(NodeTuple entry, Map<String, LookupTable> lookups) {
    String name = scalar(entry.getKeyNode(), "lookups");
    if (name == null) {
      return;
    }
    Map<String, String> table = new LinkedHashMap<>();
    for (NodeTuple row : entries(entry.getValueNode(), "lookups." + name)) {
      String from = scalar(row.getKeyNode(), "lookups." + name);
      String to = scalar(row.getValueNode(), "lookups." + name);
      if (from != null && table.put(from, to) != null) {
        problem(at(row.getKeyNode()), "lookups." + name, "key '" + from + "' listed twice");
      }
    }
    lookups.put(name, new LookupTable(name, table, at(entry.getKeyNode())));
  }

  private void readSettings(
      String section, Set<String> allowed, Node node, Map<String, Setting> settings) {
    for (NodeTuple entry : entries(node, section)) {
      String key = scalar(entry.getKeyNode(), section);
      if (key == null) {
        continue;
      }
      if (!allowed.contains(key)) {
        problem(
            at(entry.getKeyNode()),
            section,
            "unknown key '" + key + "' (expected " + allowed + ")");
        continue;
      }
      Node value = entry.getValueNode();
      Object read =
          value instanceof SequenceNode
              ? scalars(value, section + "." + key)
              : scalar(value, section + "." + key);
      settings.put(section + "." + key, new Setting(read, at(value)));
    }
  }

  // --- node helpers: each reports what it expected and where, and returns null/empty on a mismatch
  // ---

  private List<NodeTuple> entries(Node node, String subject) {
    if (node instanceof MappingNode mapping) {
      return mapping.getValue();
    }
    if (!isNull(node)) {
      problem(at(node), subject, "expected a mapping of key: value");
    }
    return List.of();
  }

  private Map<String, Node> keyed(Node node, String subject, Set<String> allowed) {
    Map<String, Node> result = new LinkedHashMap<>();
    for (NodeTuple entry : entries(node, subject)) {
      String key = scalar(entry.getKeyNode(), subject);
      if (key == null) {
        continue;
      }
      if (!allowed.contains(key)) {
        problem(
            at(entry.getKeyNode()),
            subject,
            "unknown option '" + key + "' (expected one of " + allowed + ")");
      } else if (result.put(key, entry.getValueNode()) != null) {
        problem(at(entry.getKeyNode()), subject, "option '" + key + "' given twice");
      }
    }
    return result;
  }

  private String scalar(Node node, String subject) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      return scalar.getValue();
    }
    problem(at(node), subject, "expected a single value");
    return null;
  }

  private String optionalScalar(Map<String, Node> spec, String key, String subject) {
    return spec.containsKey(key) ? scalar(spec.get(key), subject) : null;
  }

  private List<String> scalars(Node node, String subject) {
    if (!(node instanceof SequenceNode sequence)) {
      problem(at(node), subject, "expected a list");
      return List.of();
    }
    List<String> values = new ArrayList<>();
    sequence
        .getValue()
        .forEach(
            item -> {
              String value = scalar(item, subject);
              if (value != null) {
                values.add(value);
              }
            });
    return values;
  }

  private Integer integer(Node node, String subject) {
    if (node == null) {
      return null;
    }
    String value = scalar(node, subject);
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      problem(at(node), subject, "'" + value + "' is not a whole number");
      return null;
    }
  }

  private boolean bool(Node node, String subject, boolean absent) {
    if (node == null) {
      return absent;
    }
    String value = scalar(node, subject);
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.parseBoolean(value);
    }
    problem(at(node), subject, "expected true or false");
    return absent;
  }

  private ZoneId zone(Node node, String subject) {
    if (node == null) {
      return null;
    }
    String value = scalar(node, subject);
    try {
      return value == null ? null : ZoneId.of(value);
    } catch (DateTimeException e) {
      problem(
          at(node),
          subject,
          "unknown time zone '" + value + "' (use an IANA name such as America/Chicago)");
      return null;
    }
  }

  private static boolean isNull(Node node) {
    return node != null && Tag.NULL.equals(node.getTag());
  }

  private SourceLocation at(Node node) {
    return new SourceLocation(file, node == null ? 1 : node.getStartMark().getLine() + 1);
  }

  private void problem(SourceLocation location, String subject, String message) {
    problems.add(new MappingProblem(location, subject, message));
  }
}
