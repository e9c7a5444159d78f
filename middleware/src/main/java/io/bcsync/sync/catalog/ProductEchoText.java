package io.bcsync.sync.catalog;

import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import io.bcsync.sync.port.CatalogWriter.ProductState;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The product-level values a {@code store/product/updated} echo is recognised by, as one text:
 * name, description, visibility, weight, categories and custom fields. Recorded as the state the
 * store will hold after our write (the state read just before it, overlaid with what we send), and
 * compared with the state re-read when the webhook arrives: equal means nothing but our write
 * happened to those values; a merchant's edit of any of them (a category too) differs.
 */
final class ProductEchoText {
  static final String FIELD = "product";

  private ProductEchoText() {}

  /** What the store holds after {@code written} is applied to {@code before}. */
  static String after(ProductState before, ProductDetails written) {
    Map<String, String> custom = new TreeMap<>(before.customFields());
    custom.putAll(written.customFields());
    written.clearedCustomFields().forEach(custom::remove);
    return text(
        written.name() != null ? written.name() : before.name(),
        written.description() != null ? written.description() : before.description(),
        written.visible() != null ? written.visible() : before.visible(),
        written.weight() != null ? written.weight() : before.weight(),
        before.categories(),
        custom);
  }

  /** What the store holds now. */
  static String now(ProductState state) {
    return text(
        state.name(),
        state.description(),
        state.visible(),
        state.weight(),
        state.categories(),
        state.customFields());
  }

  private static String text(
      String name,
      String description,
      boolean visible,
      BigDecimal weight,
      List<Long> categories,
      Map<String, String> custom) {
    StringBuilder text = new StringBuilder();
    // Each value is length-prefixed, so no text can pass for another split of the fields.
    append(text, name);
    append(text, description);
    append(text, Boolean.toString(visible));
    append(text, weight == null ? "" : WrittenValues.price(weight));
    append(text, categories.stream().sorted().toList().toString());
    new TreeMap<>(custom)
        .forEach(
            (key, value) -> {
              append(text, key);
              append(text, value);
            });
    return text.toString();
  }

  private static void append(StringBuilder text, String value) {
    String v = value == null ? "" : value;
    text.append(v.length()).append(':').append(v).append(';');
  }
}
