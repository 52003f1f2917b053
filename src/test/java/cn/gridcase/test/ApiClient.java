package cn.gridcase.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP client of the running application with real authentication: HTTP Basic for API clients
 * ({@link #as(String)}), or a browser-like session with cookies and no automatic redirects ({@link
 * #browser()}).
 */
public final class ApiClient {

  public static final String DEMO_PASSWORD = "demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final HttpClient http;
  private final String authorization;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final CookieManager cookies;

  private ApiClient(String baseUrl, HttpClient http, String authorization) {
    this(baseUrl, http, authorization, null);
  }

  private ApiClient(String baseUrl, HttpClient http, String authorization, CookieManager cookies) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.authorization = authorization;
    this.cookies = cookies;
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient("http://localhost:" + port, plainClient(), null);
  }

  /** A client that authenticates every request with HTTP Basic. */
  public ApiClient as(String username, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient(baseUrl, plainClient(), "Basic " + token);
  }

  /** A demo user with the demo password. */
  public ApiClient as(String username) {
    return as(username, DEMO_PASSWORD);
  }

  /** A browser: keeps cookies, follows no redirects, asks for HTML. */
  public ApiClient browser() {
    CookieManager jar = new CookieManager();
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(jar)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    ApiClient browser = new ApiClient(baseUrl, client, null, jar);
    browser.headers.put(
        "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    return browser;
  }

  /** A browser logged in with the login form (its CSRF field included), for the pages. */
  public ApiClient pageSession(String username, String password) {
    ApiClient browser = browser();
    String page = browser.get("/login").body();
    Matcher input = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>").matcher(page);
    if (!input.find()) {
      throw new IllegalStateException("no CSRF field on the login page");
    }
    String csrf = input.group().replaceAll(".*value=\"([^\"]+)\".*", "$1");
    Reply login =
        browser.postForm(
            "/login", Map.of("username", username, "password", password, "_csrf", csrf));
    if (login.status() != 302) {
      throw new IllegalStateException("form login of " + username + " failed: " + login);
    }
    return browser;
  }

  /**
   * A browser logged in with the login form (its CSRF field included) that has opened Tasklist once
   * and sends the webapps' XSRF token with every request, as the webapps do.
   */
  public ApiClient webappSession(String username, String password) {
    ApiClient browser = pageSession(username, password);
    if (browser.get("/camunda/app/tasklist/default/").status() != 200) {
      throw new IllegalStateException(username + " cannot open Tasklist");
    }
    String token = browser.cookie("XSRF-TOKEN");
    if (token == null) {
      throw new IllegalStateException("Tasklist set no XSRF-TOKEN cookie");
    }
    return browser.withHeader("X-XSRF-TOKEN", token).withHeader("Accept", "application/json");
  }

  /** A browser's cookie by name (null when it has none), e.g. the webapps' {@code XSRF-TOKEN}. */
  public String cookie(String name) {
    if (cookies == null) {
      return null;
    }
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse(null);
  }

  /** Any method with an optional JSON body. */
  public Reply send(String method, String path, String json) {
    HttpRequest.Builder builder = request(path);
    if (json == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return send(builder);
  }

  /** The same client (and session) with an extra header on every request. */
  public ApiClient withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  public Reply post(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply put(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply patch(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  public Reply postForm(String path, Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  /** A multipart/form-data upload of one file in the field {@code field}. */
  public Reply postFile(String path, String field, String filename, byte[] content) {
    String boundary = "gridcase" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    // an upload is a whole file's work (a roster of thousands of rows): more time than a call
    return send(
        request(path)
            .timeout(Duration.ofSeconds(120))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** The raw bytes of a GET (downloads). */
  public byte[] download(String path) {
    try {
      return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray()).body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(builder::header);
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null),
          response.body(),
          response);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpClient plainClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** An HTTP answer. */
  public record Reply(
      int status, String contentType, String location, String body, HttpResponse<String> raw) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + ", " + contentType + "): " + body, e);
      }
    }

    public boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status
          + " "
          + contentType
          + " "
          + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
    }
  }
}
