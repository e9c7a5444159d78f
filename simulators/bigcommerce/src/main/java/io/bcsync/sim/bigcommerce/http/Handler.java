package io.bcsync.sim.bigcommerce.http;

/** One endpoint's behaviour. */
@FunctionalInterface
public interface Handler {
  ApiResponse handle(ApiRequest request);

  /**
   * The same endpoint answering its refusals as {@code application/problem+json} ({@link
   * ApiResponse#problem}), as the inventory and locations specs document their 4xx bodies; other
   * endpoints answer them as plain JSON ({@link StoreApiServlet}).
   */
  static Handler problemJson(Handler handler) {
    return request -> {
      try {
        return handler.handle(request);
      } catch (ApiException e) {
        return ApiResponse.problem(e);
      }
    };
  }
}
