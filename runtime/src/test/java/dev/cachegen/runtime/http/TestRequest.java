package dev.cachegen.runtime.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An {@link HttpRequestView} built in a test, for the framework-neutral core. */
final class TestRequest implements HttpRequestView {
  private final String method;
  private final String rawPath;
  private final Map<String, List<String>> headers = new TreeMap<>();

  private TestRequest(String method, String rawPath) {
    this.method = method;
    this.rawPath = rawPath;
  }

  static TestRequest of(String method, String rawPath) {
    return new TestRequest(method, rawPath);
  }

  TestRequest with(String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
    return this;
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public String rawPath() {
    return rawPath;
  }

  @Override
  public List<String> headers(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(new byte[0]);
  }
}
