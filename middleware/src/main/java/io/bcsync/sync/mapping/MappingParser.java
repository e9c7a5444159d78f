package io.bcsync.sync.mapping;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.bcsync.sync.mapping.MappingDocument.LookupTable;
import io.bcsync.sync.mapping.MappingDocument.ObjectEntry;
import io.bcsync.sync.mapping.MappingDocument.Setting;
import java.io.Reader;
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
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
          "new_customers_as",
          "match_across_stores");
  private static final Set<String> ORDERS_KEYS = Set.of("target", "activate_on_status");
  private static final Set<String> OWNERSHIP_KEYS = Set.of("customer_fields", "catalog_fields");

  private final String file;
  private final YamlNodes nodes;

  private MappingParser(String file, List<MappingProblem> problems) {
    this.file = file;
    this.nodes = new YamlNodes(file, problems);
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
            file,
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>(),
            new LinkedHashMap<>());
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(reader);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
      nodes.problem(new SourceLocation(file, line), "yaml", "not valid YAML: " + e.getProblem());
      return document;
    } catch (YAMLException e) {
      nodes.problem(new SourceLocation(file, 1), "yaml", "not valid YAML: " + e.getMessage());
      return document;
    }
    if (root == null) {
      return document;
    }
    for (NodeTuple entry : nodes.entries(root, "file")) {
      String key = nodes.scalar(entry.getKeyNode(), "file");
      Node value = entry.getValueNode();
      switch (key == null ? "" : key) {
        case "objects" ->
            nodes
                .entries(value, "objects")
                .forEach(object -> readObject(object, document.objects()));
        case "lookups" ->
            nodes.entries(value, "lookups").forEach(table -> readLookup(table, document.lookups()));
        case "matching" -> readSettings("matching", MATCHING_KEYS, value, document.settings());
        case "orders" -> readSettings("orders", ORDERS_KEYS, value, document.settings());
        case "rules" -> nodes.entries(value, "rules").forEach(rule -> readRule(rule, document));
        case "ownership" -> readSettings("ownership", OWNERSHIP_KEYS, value, document.settings());
        case "segments" -> new ReverseSections(nodes).segments(value, document.settings());
        case "customers" -> new ReverseSections(nodes).customers(value, document.settings());
        case "catalog" -> new ReverseSections(nodes).catalog(value, document.settings());
        case "inventory" -> new ReverseSections(nodes).inventory(value, document.settings());
        case "price_lists" ->
            new ReverseSections(nodes).table("price_lists", value, document.settings());
        default ->
            nodes.problem(
                nodes.at(entry.getKeyNode()),
                key,
                "unknown section (expected objects, lookups, matching, orders, rules, ownership,"
                    + " segments, price_lists, catalog, inventory, customers)");
      }
    }
    return document;
  }

  private void readObject(NodeTuple entry, Map<String, ObjectEntry> objects) {
    String object = nodes.scalar(entry.getKeyNode(), "objects");
    if (object == null) {
      return;
    }
    if (objects.containsKey(object)) {
      nodes.problem(nodes.at(entry.getKeyNode()), object, "object listed twice");
      return;
    }
    SourceKind source = null;
    String parent = null;
    List<String> linked = null;
    LinkedHashMap<String, FieldMapping> fields = new LinkedHashMap<>();
    for (NodeTuple setting : nodes.entries(entry.getValueNode(), object)) {
      String key = nodes.scalar(setting.getKeyNode(), object);
      Node value = setting.getValueNode();
      if (key == null) {
        continue;
      }
      switch (key) {
        case "source" -> {
          String raw = nodes.scalar(value, object + ".source");
          source = SourceKind.fromYaml(raw).orElse(null);
          if (raw != null && source == null) {
            nodes.problem(
                nodes.at(value),
                object,
                "unknown source '" + raw + "' (expected order, order_line or customer)");
          }
        }
        case "parent" -> parent = nodes.scalar(value, object + ".parent");
        case "linked_by_sync" -> linked = nodes.scalars(value, object + ".linked_by_sync");
        case "fields" ->
            nodes
                .entries(value, object + ".fields")
                .forEach(field -> readField(object, field, fields));
        default ->
            nodes.problem(
                nodes.at(setting.getKeyNode()),
                object,
                "unknown key '" + key + "' (expected " + OBJECT_KEYS + ")");
      }
    }
    objects.put(
        object,
        new ObjectEntry(object, source, parent, linked, fields, nodes.at(entry.getKeyNode())));
  }

  private void readField(String object, NodeTuple entry, Map<String, FieldMapping> fields) {
    String field = nodes.scalar(entry.getKeyNode(), object + ".fields");
    if (field == null) {
      return;
    }
    String subject = object + "." + field;
    SourceLocation location = nodes.at(entry.getKeyNode());
    if (fields.containsKey(field)) {
      nodes.problem(location, subject, "field mapped twice");
      return;
    }
    Node value = entry.getValueNode();
    if (nodes.isNull(value)) {
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
    Map<String, Node> spec = nodes.keyed(value, subject, FIELD_KEYS);
    List<String> sources = spec.keySet().stream().filter(SOURCE_KEYS::contains).toList();
    if (sources.size() != 1) {
      nodes.problem(
          location,
          subject,
          "needs exactly one of path, constant, concat, sum; found "
              + (sources.isEmpty() ? "none" : sources));
      return;
    }
    ValueSource source =
        switch (sources.get(0)) {
          case "path" -> pathSource(spec.get("path"), subject).orElse(null);
          case "constant" -> new ValueSource.Constant(nodes.scalar(spec.get("constant"), subject));
          case "sum" -> sumSource(spec, subject);
          default ->
              concatSource(
                  spec.get("concat"),
                  nodes.optionalScalar(spec, "separator", subject),
                  nodes.bool(spec.get("skip_blank"), subject, false),
                  subject);
        };
    for (String concatOnly : List.of("separator", "skip_blank")) {
      if (spec.containsKey(concatOnly) && !spec.containsKey("concat")) {
        nodes.problem(
            nodes.at(spec.get(concatOnly)), subject, concatOnly + " only applies to concat");
      }
    }
    for (String sumOnly : List.of("subtract", "divide_by")) {
      if (spec.containsKey(sumOnly) && !spec.containsKey("sum")) {
        nodes.problem(nodes.at(spec.get(sumOnly)), subject, sumOnly + " only applies to sum");
      }
    }
    FieldOptions options =
        new FieldOptions(
            nodes.optionalScalar(spec, "join", subject),
            nodes.optionalScalar(spec, "lookup", subject),
            nodes.optionalScalar(spec, "default", subject),
            nodes.optionalScalar(spec, "date", subject),
            nodes.zone(spec.get("zone"), subject),
            nodes.integer(spec.get("scale"), subject),
            nodes.optionalScalar(spec, "format", subject),
            nodes.bool(spec.get("truncate"), subject, true));
    if (source != null) {
      fields.put(field, new FieldMapping(field, source, options, location));
    }
  }

  private ValueSource concatSource(Node node, String separator, boolean skipBlank, String subject) {
    if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      nodes.problem(
          nodes.at(node), subject, "concat needs a list of paths or {constant: ...} items");
      return null;
    }
    List<ValueSource> parts = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (item instanceof ScalarNode) {
        pathSource(item, subject).ifPresent(parts::add);
      } else {
        Map<String, Node> spec = nodes.keyed(item, subject, Set.of("path", "constant"));
        if (spec.size() != 1) {
          nodes.problem(nodes.at(item), subject, "a concat item is a path or {constant: ...}");
        } else if (spec.containsKey("path")) {
          pathSource(spec.get("path"), subject).ifPresent(parts::add);
        } else {
          parts.add(new ValueSource.Constant(nodes.scalar(spec.get("constant"), subject)));
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
        nodes.problem(
            nodes.at(spec.get("divide_by")),
            subject,
            "divide_by needs a path to one value, not a list");
      }
    }
    return add == null || subtract == null ? null : new ValueSource.Sum(add, subtract, divideBy);
  }

  /** A non-empty list of paths; null (after reporting) when it is not one. */
  private List<ValueSource.Path> pathList(Node node, String option, String subject) {
    if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
      nodes.problem(nodes.at(node), subject, option + " needs a list of paths");
      return null;
    }
    List<ValueSource.Path> paths = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      pathSource(item, subject).ifPresent(path -> paths.add((ValueSource.Path) path));
    }
    return paths;
  }

  private java.util.Optional<ValueSource> pathSource(Node node, String subject) {
    String expression = nodes.scalar(node, subject);
    if (expression == null) {
      return java.util.Optional.empty();
    }
    // Plain strings are paths; requiring "$" catches a constant written without {constant: ...}.
    if (!expression.startsWith("$")) {
      nodes.problem(
          nodes.at(node),
          subject,
          "'"
              + expression
              + "' is not a JSONPath (paths start with $; write a fixed value as {constant: ...})");
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(new ValueSource.Path(expression, JsonPath.compile(expression)));
    } catch (InvalidPathException e) {
      nodes.problem(
          nodes.at(node), subject, "invalid JSONPath '" + expression + "': " + e.getMessage());
      return java.util.Optional.empty();
    }
  }

  /** Keeps a rule's keys as nodes; {@link RulesReader} checks them once the files are merged. */
  private void readRule(NodeTuple entry, MappingDocument document) {
    String name = nodes.scalar(entry.getKeyNode(), "rules");
    if (name == null) {
      return;
    }
    if (document.rules().containsKey(name)) {
      nodes.problem(nodes.at(entry.getKeyNode()), "rules." + name, "rule listed twice");
      return;
    }
    Map<String, MappingDocument.RuleKey> keys = new LinkedHashMap<>();
    for (NodeTuple key : nodes.entries(entry.getValueNode(), "rules." + name)) {
      String k = nodes.scalar(key.getKeyNode(), "rules." + name);
      if (k == null) {
        continue;
      }
      keys.put(k, new MappingDocument.RuleKey(key.getKeyNode(), key.getValueNode(), file));
    }
    document
        .rules()
        .put(name, new MappingDocument.RuleEntry(name, keys, nodes.at(entry.getKeyNode())));
  }

  private void readLookup(NodeTuple entry, Map<String, LookupTable> lookups) {
    String name = nodes.scalar(entry.getKeyNode(), "lookups");
    if (name == null) {
      return;
    }
    Map<String, String> table = new LinkedHashMap<>();
    for (NodeTuple row : nodes.entries(entry.getValueNode(), "lookups." + name)) {
      String from = nodes.scalar(row.getKeyNode(), "lookups." + name);
      String to = nodes.scalar(row.getValueNode(), "lookups." + name);
      if (from != null && table.put(from, to) != null) {
        nodes.problem(
            nodes.at(row.getKeyNode()), "lookups." + name, "key '" + from + "' listed twice");
      }
    }
    lookups.put(name, new LookupTable(name, table, nodes.at(entry.getKeyNode())));
  }

  private void readSettings(
      String section, Set<String> allowed, Node node, Map<String, Setting> settings) {
    for (NodeTuple entry : nodes.entries(node, section)) {
      String key = nodes.scalar(entry.getKeyNode(), section);
      if (key == null) {
        continue;
      }
      if (!allowed.contains(key)) {
        nodes.problem(
            nodes.at(entry.getKeyNode()),
            section,
            "unknown key '" + key + "' (expected " + allowed + ")");
        continue;
      }
      Node value = entry.getValueNode();
      Object read =
          value instanceof SequenceNode
              ? nodes.scalars(value, section + "." + key)
              : nodes.scalar(value, section + "." + key);
      settings.put(section + "." + key, new Setting(read, nodes.at(value)));
    }
  }
}
