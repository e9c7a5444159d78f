package io.bcsync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md, checked on the compiled classes: intake → queue → router →
 * flows → ports → adapters. The core ({@code io.bcsync.sync}) owns the flows and the ports; vendor
 * packages implement ports and never reach into each other; only the pipeline touches its queue
 * tables.
 */
class ArchitectureTest {
  private static final String CORE = "io.bcsync.sync..";
  private static final String SALESFORCE = "io.bcsync.salesforce..";
  private static final String BIGCOMMERCE = "io.bcsync.bigcommerce..";

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.bcsync");

  @Test
  void the_core_imports_no_vendor_package_and_no_client_library() {
    noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SALESFORCE, BIGCOMMERCE, "com.sforce..", "org.cometd..")
        .because(
            "flows talk to Salesforce and BigCommerce only through the ports in io.bcsync.sync.port;"
                + " adapters in the vendor packages implement them")
        .check(MAIN);
  }

  @Test
  void notices_reach_slack_and_smtp_only_through_their_adapters() {
    noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.bcsync.notices..", "jakarta.mail..", "org.eclipse.angus..")
        .because("rules send notices through the Notifier port; io.bcsync.notices implements it")
        .check(MAIN);
    noClasses()
        .that()
        .resideInAPackage("io.bcsync.notices..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SALESFORCE, BIGCOMMERCE)
        .because("adapters never import each other")
        .check(MAIN);
  }

  @Test
  void the_salesforce_package_never_imports_the_bigcommerce_package() {
    noClasses()
        .that()
        .resideInAPackage(SALESFORCE)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(BIGCOMMERCE)
        .because("what one vendor needs of the other goes through the core")
        .check(MAIN);
  }

  @Test
  void the_bigcommerce_package_never_imports_the_salesforce_package() {
    noClasses()
        .that()
        .resideInAPackage(BIGCOMMERCE)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(SALESFORCE)
        .because("what one vendor needs of the other goes through the core")
        .check(MAIN);
  }

  @Test
  void the_pipeline_knows_neither_the_core_nor_a_vendor() {
    noClasses()
        .that()
        .resideInAPackage("io.bcsync.pipeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(CORE, SALESFORCE, BIGCOMMERCE, "com.sforce..", "org.cometd..")
        .because("intake and the queue carry any work item; what it means is the router's business")
        .check(MAIN);
  }

  @Test
  void only_the_db_package_reaches_into_h2() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.bcsync.db..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.h2..")
        .because(
            "H2 is compiled against only for the embedded file's housekeeping"
                + " (EmbeddedH2Housekeeping); everything else speaks JDBC and runs on MySQL too")
        .check(MAIN);
  }

  /**
   * SQL lives in string literals, which compiled classes do not expose to ArchUnit, so this rule
   * reads the sources: outside io/bcsync/pipeline no main source names the queue's tables.
   */
  @Test
  void only_the_pipeline_touches_the_work_item_and_event_tables() throws IOException {
    Path root = Path.of("src/main/java/io/bcsync");
    Pattern table = Pattern.compile("\\b(work_item|work_lease|webhook_event|webhook_dedupe)\\b");
    List<String> offenders;
    try (Stream<Path> files = Files.walk(root)) {
      offenders =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .filter(file -> !file.startsWith(root.resolve("pipeline")))
              .filter(file -> table.matcher(read(file)).find())
              .map(file -> root.relativize(file).toString())
              .sorted()
              .toList();
    }
    assertThat(offenders)
        .as(
            "classes outside io.bcsync.pipeline naming work_item, work_lease, webhook_event or webhook_dedupe")
        .isEmpty();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(file.toString(), e);
    }
  }
}
