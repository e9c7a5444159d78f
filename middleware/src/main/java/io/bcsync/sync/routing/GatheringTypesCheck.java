package io.bcsync.sync.routing;

import io.bcsync.config.GatheringConfig;
import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.config.ReconciliationPollConfig;
import io.bcsync.config.SalesforceStreamingConfig;
import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stops startup when {@code bcsync.pipeline.gathering.types} names a type bcsync neither takes from
 * BigCommerce nor receives in bulk from Salesforce, so a misspelt type ({@code prodcut}, {@code
 * contact} for {@code Contact}) is reported instead of quietly gathering nothing. A type is
 * accepted when it is one of the defaults, when a flow takes BigCommerce items of it, or when it is
 * a Salesforce object or event named by a streaming channel or polled by reconciliation. An object
 * that reaches bcsync only through PUSH requests ({@code BC_Sync_Request__e}, one record each) is
 * refused too: gathering is for bursts, and such a type cannot be told from a misspelling. When a
 * channel carries several objects ({@code /data/ChangeEvents}, a custom {@code __chn} channel) the
 * Salesforce objects cannot be known here, and any well-formed type is accepted (docs/pipeline.md,
 * "Gathering").
 */
@Context
public class GatheringTypesCheck {
  /** Types are case-sensitive, as Salesforce API names and the queue's entity_type are. */
  private static final String HINT =
      "not a type any flow takes from BigCommerce, nor a Salesforce object or event of"
          + " bcsync.salesforce.streaming.channels or bcsync.salesforce.reconciliation-poll.objects"
          + " (types are case-sensitive; an object only PUSH requests name is not gathered)";

  private static final Set<String> DEFAULT_TYPES = Set.of(GatheringConfig.DEFAULT_TYPES.split(","));

  public GatheringTypesCheck(
      GatheringConfig gathering,
      List<Flow> flows,
      SalesforceStreamingConfig streaming,
      ReconciliationPollConfig poll) {
    List<String> unknown = new ArrayList<>();
    Optional<Set<String>> salesforceTypes = salesforceTypes(streaming, poll);
    for (String type : gathering.types()) {
      boolean accepted =
          DEFAULT_TYPES.contains(type)
              || takenFromBigCommerce(flows, type)
              || salesforceTypes.map(types -> types.contains(type)).orElse(true);
      if (!accepted) {
        unknown.add("'" + type + "'");
      }
    }
    if (!unknown.isEmpty()) {
      throw new InvalidConfigurationException(
          GatheringConfig.PREFIX + ".types", String.join(", ", unknown) + ": " + HINT);
    }
  }

  private static boolean takenFromBigCommerce(List<Flow> flows, String type) {
    WorkKind kind = new WorkKind(Origin.BIGCOMMERCE, type);
    return flows.stream().anyMatch(flow -> flow.handles(kind));
  }

  /** The Salesforce types the queue can hold; empty when a channel's objects are not known. */
  private static Optional<Set<String>> salesforceTypes(
      SalesforceStreamingConfig streaming, ReconciliationPollConfig poll) {
    Set<String> types = new LinkedHashSet<>(poll.objects());
    for (String channel : streaming.channels()) {
      if (channel.startsWith("/event/")) {
        types.add(channel.substring("/event/".length()));
        continue;
      }
      var object = SalesforceStreamingConfig.changedObjectOf(channel);
      if (object.isEmpty()) {
        return Optional.empty();
      }
      types.add(object.get());
    }
    return Optional.of(types);
  }
}
