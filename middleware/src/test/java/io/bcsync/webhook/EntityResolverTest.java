package io.bcsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityResolverTest {
  private final ObjectMapper mapper = new ObjectMapper();
  private final EntityResolver resolver = new EntityResolver();

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "store/order/created; {\"type\":\"order\",\"id\":250}; order|250",
        "store/order/refund/created; {\"type\":\"order\",\"id\":250,\"refund\":{\"refund_id\":3}}; order|250",
        "store/order/transaction/created; {\"type\":\"transaction\",\"order_id\":\"250\",\"transaction_id\":9}; order|250",
        "store/channel/1/order/created; {\"order_id\":251}; order|251",
        "store/shipment/created; {\"type\":\"shipment\",\"id\":12,\"orderId\":251}; order|251",
        "store/order/metafield/created; {\"metafield_id\":4,\"resource_id\":\"252\"}; order|252",
        "store/customer/address/created; {\"type\":\"customer\",\"id\":60,\"address\":{\"customer_id\":32}}; customer|32",
        "store/customer/updated; {\"type\":\"customer\",\"id\":32}; customer|32",
        "store/sku/updated; {\"type\":\"sku\",\"id\":461,\"sku\":{\"product_id\":206,\"variant_id\":509}}; product|206",
        "store/product/inventory/updated; {\"type\":\"product\",\"id\":167,\"inventory\":{\"product_id\":167}}; product|167",
        "store/channel/1/inventory/product/stock_changed; {\"variant_id\":5,\"product_id\":77,\"location_id\":1}; product|77",
        "store/priceList/record/updated; {\"price_list_id\":3,\"variant_id\":5,\"currency\":\"usd\"}; price_list|3",
        "store/cart/created; {\"type\":\"cart\",\"id\":\"09346904-4175-44fd-be53-f7e598531b6c\"}; cart|09346904-4175-44fd-be53-f7e598531b6c",
        "store/information/updated; {\"type\":\"store\"}; scope|store/information/updated",
        "store/priceList/records/created; [{\"price_list_id\":3}]; scope|store/priceList/records/created",
      })
  void maps_callbacks_to_the_entity_whose_state_must_be_read(
      String scope, String data, String expected) throws Exception {
    var body = new CallbackBody(scope, "1", mapper.readTree(data), "h", 1L, "stores/abc", "abc");
    var entity = resolver.resolve(body);
    assertThat(entity.type() + "|" + entity.id()).isEqualTo(expected);
    assertThat(entity.storeHash()).isEqualTo("abc");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "{\"type\":\"this type name is far too long to be a BigCommerce resource type at all, surely\",\"id\":1}",
        "{\"type\":\"order\",\"id\":{\"nested\":true}}",
      })
  void unusable_identifiers_fall_back_to_the_scope(String data) throws Exception {
    var body =
        new CallbackBody(
            "store/odd/event", "1", mapper.readTree(data), "h", 1L, "stores/abc", "abc");
    assertThat(resolver.resolve(body).type()).isEqualTo("scope");
  }
}
