package io.bcsync.sim.bigcommerce.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Servlet plumbing shared by the API surfaces: query parsing, headers, JSON writing. */
public final class HttpIo {
  private HttpIo() {}

  /**
   * Parses the raw query string so form bodies are never consumed and keys like "id:in" survive.
   */
  public static Map<String, List<String>> query(HttpServletRequest request) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    String raw = request.getQueryString();
    if (raw == null || raw.isEmpty()) {
      return result;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      result.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  public static Map<String, String> headers(HttpServletRequest request) {
    Map<String, String> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name.toLowerCase(), request.getHeader(name));
    }
    return headers;
  }

  public static byte[] body(HttpServletRequest request) throws IOException {
    return request.getInputStream().readAllBytes();
  }

  public static void write(HttpServletResponse response, ApiResponse apiResponse)
      throws IOException {
    response.setStatus(apiResponse.status());
    apiResponse.headers().forEach(response::setHeader);
    if (apiResponse.body() != null && apiResponse.status() != 204) {
      byte[] bytes = Json.write(apiResponse.body()).getBytes(StandardCharsets.UTF_8);
      response.setContentType(
          apiResponse.headers().getOrDefault("Content-Type", "application/json"));
      response.setContentLength(bytes.length);
      response.getOutputStream().write(bytes);
    }
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
