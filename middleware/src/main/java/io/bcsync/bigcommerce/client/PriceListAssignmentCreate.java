package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One element of {@code POST /v3/pricelists/assignments}: binds a price list to a customer group, a
 * channel, or both. Without a group the list applies to every shopper of the channel; a null
 * channel is left to BigCommerce's default.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceListAssignmentCreate(
    @JsonProperty("price_list_id") long priceListId,
    @JsonProperty("customer_group_id") Long customerGroupId,
    @JsonProperty("channel_id") Long channelId) {

  public PriceListAssignmentCreate {
    WriteChecks.positive(priceListId, "price list id");
    if (customerGroupId == null && channelId == null) {
      throw new IllegalArgumentException(
          "a price list assignment needs a customer group, a channel, or both");
    }
    if (customerGroupId != null) {
      WriteChecks.positive(customerGroupId, "customer group id");
    }
    if (channelId != null) {
      WriteChecks.positive(channelId, "channel id");
    }
  }

  public static PriceListAssignmentCreate toGroup(
      long priceListId, long customerGroupId, long channelId) {
    return new PriceListAssignmentCreate(priceListId, customerGroupId, channelId);
  }
}
