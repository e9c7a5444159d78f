package io.bcsync.pipeline;

/**
 * A validated, authenticated BigCommerce callback ready to be made durable.
 *
 * @param webhookId the Standard Webhooks {@code webhook-id}, or null when the callback was not
 *     signed
 * @param payloadHash BigCommerce's {@code hash} field
 * @param bcCreatedAt BigCommerce's {@code created_at} (epoch seconds), or null when absent
 */
public record IncomingEvent(
    EntityRef entity,
    String scope,
    String producer,
    String webhookId,
    String payloadHash,
    Long bcCreatedAt,
    String rawBody) {}
