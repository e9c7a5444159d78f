package io.bcsync.sim.salesforce;

import io.bcsync.sim.salesforce.auth.SimUser;
import io.bcsync.sim.salesforce.data.Seeder;
import io.bcsync.sim.salesforce.schema.SObjectType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fresh org contains: the Organization row, users, the standard price book and a few queues.
 */
final class OrgBootstrap {
  private final SimulatedOrg org;
  private final Seeder seeder;

  OrgBootstrap(SimulatedOrg org) {
    this.org = org;
    this.seeder = new Seeder(org.store(), org.ids(), org.clock());
  }

  void seed() {
    String creator = org.users().all().stream().map(SimUser::id).sorted().findFirst().orElseThrow();
    seeder.seed(
        type("Organization"),
        org.settings().orgId(),
        Map.of(
            "Name",
            org.settings().orgName(),
            "IsSandbox",
            org.settings().sandbox(),
            "OrganizationType",
            "Developer Edition",
            "InstanceName",
            "SIM1",
            "DefaultLocaleSidKey",
            "en_US",
            "TimeZoneSidKey",
            "America/Los_Angeles"),
        creator);
    for (SimUser user : org.users().all()) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("Username", user.username());
      if (user.firstName() != null) {
        values.put("FirstName", user.firstName());
      }
      values.put("LastName", user.lastName());
      values.put("Email", user.email());
      values.put(
          "Alias",
          user.username()
              .substring(
                  0,
                  Math.min(
                      8, user.username().indexOf('@') > 0 ? user.username().indexOf('@') : 8)));
      values.put("IsActive", true);
      values.put("TimeZoneSidKey", "America/Los_Angeles");
      seeder.seed(type("User"), user.id(), values, creator);
    }
    seeder.seed(
        type("Pricebook2"),
        null,
        Map.of("Name", "Standard Price Book", "IsActive", true, "IsStandard", true),
        creator);
    queue("Web Orders", "Web_Orders", List.of("Lead"), creator);
    queue("Customer Support", "Customer_Support", List.of("Case"), creator);
  }

  /**
   * The Queues an SFDX source tree deploys ({@code queues/<DeveloperName>.queue-meta.xml}): a Group
   * of type Queue with a QueueSobject row per {@code queueSobject}, as deploying the package would
   * make them. A DeveloperName the org has already is left alone.
   */
  void seedPackageQueues(List<java.nio.file.Path> metadataDirs) {
    String creator = org.users().all().stream().map(SimUser::id).sorted().findFirst().orElseThrow();
    for (java.nio.file.Path dir : metadataDirs) {
      try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
        for (java.nio.file.Path file :
            files
                .filter(f -> f.getFileName().toString().endsWith(".queue-meta.xml"))
                .filter(f -> !f.toString().contains("node_modules"))
                .sorted()
                .toList()) {
          String developerName = file.getFileName().toString().replace(".queue-meta.xml", "");
          boolean present =
              org.store().live(type("Group")).stream()
                  .anyMatch(g -> developerName.equals(g.get("DeveloperName")));
          if (present) {
            continue;
          }
          io.bcsync.sfdx.MetadataXml xml = io.bcsync.sfdx.MetadataXml.read(file);
          List<String> objects =
              xml.all("queueSobject").stream()
                  .map(q -> q.text("sobjectType").orElse(""))
                  .filter(o -> !o.isBlank())
                  .toList();
          queue(xml.text("name").orElse(developerName), developerName, objects, creator);
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("Cannot read queues under " + dir, e);
      }
    }
  }

  private void queue(String name, String developerName, List<String> objects, String creator) {
    String queueId =
        seeder.seed(
            type("Group"),
            null,
            Map.of("Name", name, "DeveloperName", developerName, "Type", "Queue"),
            creator);
    for (String object : objects) {
      seeder.seed(
          type("QueueSobject"), null, Map.of("QueueId", queueId, "SobjectType", object), creator);
    }
  }

  static String standardPricebookId(SimulatedOrg org) {
    SObjectType pricebook = org.schema().type("Pricebook2").orElseThrow();
    return org.store().live(pricebook).stream()
        .filter(r -> Boolean.TRUE.equals(r.get("IsStandard")))
        .findFirst()
        .orElseThrow()
        .id();
  }

  private SObjectType type(String name) {
    return org.schema().type(name).orElseThrow();
  }
}
