package io.bcsync.sync.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The built-in table of standard fields ({@code standard-fields.yml} beside this class). */
public final class StandardFieldsSchema implements SalesforceSchema {
  private static final String RESOURCE = "standard-fields.yml";

  private final Map<String, ObjectSchema> objects = new HashMap<>();

  public StandardFieldsSchema() {
    try (InputStream in = StandardFieldsSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      Map<String, Map<String, String>> table =
          new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      table.forEach(
          (object, fields) ->
              objects.put(key(object), new ObjectSchema(object, parse(object, fields))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<ObjectSchema> object(String name) {
    return Optional.ofNullable(objects.get(key(name)));
  }

  private static List<FieldSchema> parse(String object, Map<String, String> fields) {
    List<FieldSchema> parsed = new ArrayList<>();
    fields.forEach(
        (name, spec) -> {
          String[] words = spec.strip().split("\\s+");
          FieldType type = FieldType.fromMetadata(words[0]);
          if (type == FieldType.OTHER) {
            throw new IllegalStateException(
                RESOURCE + ": unknown type '" + words[0] + "' for " + object + "." + name);
          }
          Integer size =
              words.length > 1 && words[1].chars().allMatch(Character::isDigit)
                  ? Integer.valueOf(words[1])
                  : null;
          boolean required = spec.endsWith(" required");
          parsed.add(
              new FieldSchema(
                  name,
                  type,
                  type.isTextual() ? size : null,
                  required,
                  type.isNumeric() ? size : null));
        });
    return parsed;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
