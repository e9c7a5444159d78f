import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Counts of the Maven modules' test results, from Surefire's XML reports: run, failed, errors and
 * skipped per module, and every skip reason with how many tests it skipped. Run by scripts/test
 * with {@code java scripts/lib/TestSummary.java <repository root>} (a single-file program: no
 * build needed). Exits 1 when a report shows a failure or an error.
 */
public final class TestSummary {
  private record Counts(int run, int failed, int errors, int skipped) {
    Counts plus(Counts other) {
      return new Counts(
          run + other.run, failed + other.failed, errors + other.errors, skipped + other.skipped);
    }
  }

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    Map<String, Counts> byModule = new TreeMap<>();
    Map<String, Integer> skipReasons = new TreeMap<>();
    for (Path report : reports(root)) {
      String module = root.relativize(report).toString().split("/target/")[0];
      Document xml = parse(report);
      Element suite = xml.getDocumentElement();
      Counts counts =
          new Counts(
              number(suite, "tests"),
              number(suite, "failures"),
              number(suite, "errors"),
              number(suite, "skipped"));
      byModule.merge(module, counts, Counts::plus);
      NodeList skipped = xml.getElementsByTagName("skipped");
      for (int i = 0; i < skipped.getLength(); i++) {
        String reason = ((Element) skipped.item(i)).getAttribute("message");
        skipReasons.merge(reason.isBlank() ? "(no reason given)" : firstLine(reason), 1, Integer::sum);
      }
    }
    Counts total = new Counts(0, 0, 0, 0);
    System.out.printf("%-28s %6s %7s %7s %8s%n", "module", "run", "failed", "errors", "skipped");
    for (Map.Entry<String, Counts> module : byModule.entrySet()) {
      Counts c = module.getValue();
      System.out.printf(
          "%-28s %6d %7d %7d %8d%n", module.getKey(), c.run, c.failed, c.errors, c.skipped);
      total = total.plus(c);
    }
    System.out.printf(
        "%-28s %6d %7d %7d %8d%n", "all Maven modules", total.run, total.failed, total.errors,
        total.skipped);
    if (!skipReasons.isEmpty()) {
      System.out.println("Skipped, by reason:");
      skipReasons.forEach((reason, count) -> System.out.printf("  %4d  %s%n", count, reason));
    }
    if (total.failed + total.errors > 0) {
      System.exit(1);
    }
  }

  private static List<Path> reports(Path root) throws IOException {
    List<Path> reports = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root, 6)) {
      files
          .filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml"))
          .filter(p -> p.getParent().getFileName().toString().equals("surefire-reports"))
          .filter(p -> !p.toString().contains("node_modules"))
          .sorted()
          .forEach(reports::add);
    }
    return reports;
  }

  private static Document parse(Path report) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // Our own build's reports, but parse them the safe way all the same.
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(report.toFile());
  }

  private static int number(Element element, String attribute) {
    String value = element.getAttribute(attribute);
    return value.isBlank() ? 0 : Integer.parseInt(value);
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text.strip() : text.substring(0, newline).strip();
  }
}
