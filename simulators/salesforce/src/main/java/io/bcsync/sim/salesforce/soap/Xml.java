package io.bcsync.sim.salesforce.soap;

/**
 * A minimal XML text builder: the partner WSDL shapes are fixed, so templates plus escaping are
 * enough.
 */
final class Xml {
  private final StringBuilder out = new StringBuilder(1024);

  Xml raw(String text) {
    out.append(text);
    return this;
  }

  Xml open(String tag) {
    out.append('<').append(tag).append('>');
    return this;
  }

  Xml close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An element with text, or xsi:nil when the value is null. */
  Xml element(String tag, Object value) {
    if (value == null) {
      out.append('<').append(tag).append(" xsi:nil=\"true\"/>");
    } else {
      out.append('<')
          .append(tag)
          .append('>')
          .append(escape(value.toString()))
          .append("</")
          .append(tag)
          .append('>');
    }
    return this;
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        default -> {
          // XML 1.0 cannot carry most control characters; drop them like the platform's serializer
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
