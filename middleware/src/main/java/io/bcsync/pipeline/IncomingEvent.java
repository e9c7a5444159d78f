package io.bcsync.pipeline;

/**
 * A validated, authenticated BigCommerce callback ready to be made durable.
 *
 * @param webhookId the Standard Webhooks {@code webhook-id}, or null when the callback was not
 *     signed
 * @param payloadHash BigCommerce's {@code hash} field
 * @param bcCreatedAt BigCommerce's {@code created_at} (epoch seconds), or null when absent
 * @param replayableUntilMs for a callback accepted on the store's secret header alone: until when
 *     an identical copy would pass authentication again ({@code created_at} + webhook-max-age), so
 *     its dedupe key must live at least that long (docs/pipeline.md, "Replay"); null when the
 *     callback was signed (its signature's timestamp and webhook-id bind it), carries no {@code
 *     created_at}, or is not a webhook at all
 */
public record IncomingEvent(
    EntityRef entity,
    String scope,
    String producer,
    String webhookId,
    String payloadHash,
    Long bcCreatedAt,
    String rawBody,
    Long replayableUntilMs) {

  /** An event that a verbatim copy cannot replay, or that has no age: the usual dedupe window. */
  public IncomingEvent(
      EntityRef entity,
      String scope,
      String producer,
      String webhookId,
      String payloadHash,
      Long bcCreatedAt,
      String rawBody) {
    this(entity, scope, producer, webhookId, payloadHash, bcCreatedAt, rawBody, null);
  }
}
