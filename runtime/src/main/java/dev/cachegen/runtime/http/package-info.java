/**
 * HTTP caching for cached values: {@code Cache-Control}, {@code ETag}, {@code Last-Modified} and
 * conditional requests answered with {@code 304} or {@code 412}, per RFC 9110 and RFC 9111.
 *
 * <p>An {@link dev.cachegen.runtime.http.HttpCachePolicy} says how responses may be cached (the
 * cachegen processor writes one per {@code @CacheControl} method); an {@link
 * dev.cachegen.runtime.http.HttpCacheHandler} serves one path with it, framework-neutral; {@link
 * dev.cachegen.runtime.http.JdkHttpCacheHandler} and {@link
 * dev.cachegen.runtime.http.HttpCacheServlet} put handlers on the JDK's HTTP server or in a servlet
 * container.
 *
 * <pre>{@code
 * HttpCacheHandler<Item> items =
 *     HttpCacheHandler.builder(CachedCatalog.FIND_HTTP)
 *         .path("/items/{id}")
 *         .get(request -> catalog.find(Long.parseLong(request.pathParameter("id"))))
 *         .build();
 * server.createContext("/items/", JdkHttpCacheHandler.of(items));
 * }</pre>
 */
package dev.cachegen.runtime.http;
