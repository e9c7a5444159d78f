package io.bcsync.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
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

  @Test
  void a_type_name_that_is_no_resource_type_falls_back_to_the_scope() throws Exception {
    String data =
        "{\"type\":\"this type name is far too long to be a BigCommerce resource type at all,"
            + " surely\",\"id\":1}";
    assertThat(resolver.resolve(body("store/odd/event", data)).type()).isEqualTo("scope");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = ';',
      value = {
        "store/odd/event; {\"type\":\"order\",\"id\":{\"nested\":true}}",
        "store/odd/event; {\"type\":\"order\",\"id\":\"12/../../v3/customers\"}",
        "store/odd/event; {\"order_id\":-4}",
        "store/shipment/created; {\"type\":\"shipment\",\"id\":12,\"orderId\":0}",
        "store/sku/updated; {\"type\":\"sku\",\"id\":461,\"sku\":{\"product_id\":\"x\"}}",
        "store/order/metafield/created; {\"metafield_id\":4,\"resource_id\":\"2147483648\"}",
        "store/product/updated; {\"type\":\"product\",\"id\":\"09346904-4175-44fd-be53-f7e598531b6c\"}",
        "store/customer/created; {\"type\":\"order\",\"id\":1}",
        "store/order/created; {\"type\":\"store\"}",
      })
  void identifiers_that_are_no_bigcommerce_id_or_miss_the_scope_s_entity_are_refused(
      String scope, String data) throws Exception {
    assertThatThrownBy(() -> resolver.resolve(body(scope, data)))
        .isInstanceOfSatisfying(
            WebhookRejection.class,
            rejection -> assertThat(rejection.status().getCode()).isEqualTo(422));
  }

  private CallbackBody body(String scope, String data) throws Exception {
    return new CallbackBody(scope, "1", mapper.readTree(data), "h", 1L, "stores/abc", "abc");
  }
}
