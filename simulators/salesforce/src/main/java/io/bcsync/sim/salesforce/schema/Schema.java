package io.bcsync.sim.salesforce.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** All sObject types of the org plus the Change Data Capture selection. */
public final class Schema {
  private final Map<String, SObjectType> types = new LinkedHashMap<>();
  private final Map<String, CdcMember> cdcMembers = new LinkedHashMap<>();

  /**
   * One PlatformEventChannelMember: an entity selected on a channel, with fields always sent
   * (enrichment).
   */
  public record CdcMember(String entity, String channel, List<String> enrichedFields) {}

  public SObjectType add(SObjectType type) {
    types.put(type.name().toLowerCase(Locale.ROOT), type);
    return type;
  }

  public Optional<SObjectType> type(String name) {
    return name == null
        ? Optional.empty()
        : Optional.ofNullable(types.get(name.toLowerCase(Locale.ROOT)));
  }

  public Optional<SObjectType> typeForId(String id) {
    if (id == null || id.length() < 3) {
      return Optional.empty();
    }
    String prefix = id.substring(0, 3);
    return types.values().stream().filter(t -> t.keyPrefix().equals(prefix)).findFirst();
  }

  /** A parent-to-child relationship: the child object and its lookup to the parent. */
  public record ChildRelationship(SObjectType child, FieldDef field) {}

  /**
   * The relationship a parent-to-child subquery names in its FROM ({@code OrderItems} on Order),
   * found among the lookups of every object to this parent, as describe's childRelationships lists
   * them.
   */
  public Optional<ChildRelationship> childRelationship(SObjectType parent, String name) {
    return childRelationships(parent).stream()
        .filter(r -> r.field().childRelationshipName().equalsIgnoreCase(name))
        .findFirst();
  }

  /** Every named relationship from other objects' lookups to this one. */
  public List<ChildRelationship> childRelationships(SObjectType parent) {
    List<ChildRelationship> result = new java.util.ArrayList<>();
    for (SObjectType child : types.values()) {
      for (FieldDef field : child.fields()) {
        if (field.childRelationshipName() != null
            && field.referenceTo().stream().anyMatch(t -> t.equalsIgnoreCase(parent.name()))) {
          result.add(new ChildRelationship(child, field));
        }
      }
    }
    return result;
  }

  public Collection<SObjectType> types() {
    return types.values();
  }

  public boolean keyPrefixInUse(String prefix) {
    return types.values().stream().anyMatch(t -> t.keyPrefix().equals(prefix));
  }

  public void selectForCdc(String entity, String channel, List<String> enrichedFields) {
    cdcMembers.put(
        (channel + "/" + entity).toLowerCase(Locale.ROOT),
        new CdcMember(entity, channel, List.copyOf(enrichedFields)));
  }

  /** Channel members for an entity; empty when CDC is not enabled for it. */
  public List<CdcMember> cdcMembersFor(String entity) {
    return cdcMembers.values().stream().filter(m -> m.entity().equalsIgnoreCase(entity)).toList();
  }

  public Set<String> cdcEntities() {
    Set<String> entities = new LinkedHashSet<>();
    cdcMembers.values().forEach(m -> entities.add(m.entity()));
    return entities;
  }

  /** Every channel a streaming client may subscribe to. */
  public boolean isKnownChannel(String channel) {
    if (channel.equals("/data/ChangeEvents")) {
      return true;
    }
    if (channel.startsWith("/data/")) {
      String name = channel.substring("/data/".length());
      return cdcMembers.values().stream()
          .anyMatch(
              m ->
                  m.channel().equals(name)
                      || type(m.entity())
                          .map(SObjectType::changeEventName)
                          .orElse("")
                          .equals(name));
    }
    if (channel.startsWith("/event/")) {
      return type(channel.substring("/event/".length()))
          .map(SObjectType::isPlatformEvent)
          .orElse(false);
    }
    return false;
  }
}
