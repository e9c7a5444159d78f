package io.bcsync.sync.mapping;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads values out of one mapping file's SnakeYAML nodes for {@link MappingParser}. Each method
 * reports what it expected and where (file and line) and returns null or empty on a mismatch, so
 * the parser goes on and collects every problem of the file.
 */
final class YamlNodes {
  private final String file;
  private final List<MappingProblem> problems;

  YamlNodes(String file, List<MappingProblem> problems) {
    this.file = file;
    this.problems = problems;
  }

  List<NodeTuple> entries(Node node, String subject) {
    if (node instanceof MappingNode mapping) {
      return mapping.getValue();
    }
    if (!isNull(node)) {
      problem(at(node), subject, "expected a mapping of key: value");
    }
    return List.of();
  }

  Map<String, Node> keyed(Node node, String subject, Set<String> allowed) {
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

  String scalar(Node node, String subject) {
    if (node instanceof ScalarNode scalar && !isNull(node)) {
      return scalar.getValue();
    }
    problem(at(node), subject, "expected a single value");
    return null;
  }

  String optionalScalar(Map<String, Node> spec, String key, String subject) {
    return spec.containsKey(key) ? scalar(spec.get(key), subject) : null;
  }

  List<String> scalars(Node node, String subject) {
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

  Integer integer(Node node, String subject) {
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

  boolean bool(Node node, String subject, boolean absent) {
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

  ZoneId zone(Node node, String subject) {
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

  static boolean isNull(Node node) {
    return node != null && Tag.NULL.equals(node.getTag());
  }

  SourceLocation at(Node node) {
    return new SourceLocation(file, node == null ? 1 : node.getStartMark().getLine() + 1);
  }

  void problem(SourceLocation location, String subject, String message) {
    problems.add(new MappingProblem(location, subject, message));
  }
}
