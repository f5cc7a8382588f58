package dev.cachegen.spring.boot;

import dev.cachegen.runtime.http.HttpCacheHandler;
import dev.cachegen.runtime.http.HttpCachePolicy;
import dev.cachegen.runtime.http.HttpCacheServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Writes a controller's {@link HttpCached} answer through the runtime's {@link HttpCacheHandler},
 * one handler per policy: the handler keeps each value's representation (body, entity-tag) as long
 * as the value instance lives, which is what makes a cached value cheap to serve again.
 *
 * <p>It goes first among each {@link RequestMappingHandlerAdapter}'s return value handlers once the
 * application has started: Spring's {@code @ResponseBody} handler accepts every return type of a
 * {@code @RestController}, and would otherwise write the {@code HttpCached} as JSON.
 */
final class HttpCachedReturnValueHandler
    implements HandlerMethodReturnValueHandler, SmartInitializingSingleton {
  private final ObjectProvider<RequestMappingHandlerAdapter> adapters;
  private final Map<HttpCachePolicy<?>, HttpCacheHandler<?>> handlers = new ConcurrentHashMap<>();

  HttpCachedReturnValueHandler(ObjectProvider<RequestMappingHandlerAdapter> adapters) {
    this.adapters = adapters;
  }

  @Override
  public void afterSingletonsInstantiated() {
    adapters
        .orderedStream()
        .forEach(
            adapter -> {
              List<HandlerMethodReturnValueHandler> all = new ArrayList<>();
              all.add(this);
              List<HandlerMethodReturnValueHandler> existing = adapter.getReturnValueHandlers();
              if (existing != null) {
                all.addAll(existing);
              }
              adapter.setReturnValueHandlers(all);
            });
  }

  @Override
  public boolean supportsReturnType(MethodParameter returnType) {
    return HttpCached.class.isAssignableFrom(returnType.getParameterType());
  }

  @Override
  public void handleReturnValue(
      @Nullable Object returnValue,
      MethodParameter returnType,
      ModelAndViewContainer container,
      NativeWebRequest request)
      throws Exception {
    container.setRequestHandled(true);
    HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
    HttpServletResponse servletResponse = request.getNativeResponse(HttpServletResponse.class);
    if (returnValue == null || servletRequest == null || servletResponse == null) {
      throw new IllegalStateException(
          returnType.getMethod()
              + " returned "
              + (returnValue == null ? "null" : "an HttpCached outside a servlet request")
              + "; return HttpCached.of(policy, value), with a null value for 404");
    }
    HttpCacheServlet.send(respond((HttpCached<?>) returnValue, servletRequest), servletResponse);
  }

  private <V> dev.cachegen.runtime.http.HttpCacheResponse respond(
      HttpCached<V> answer, HttpServletRequest request) {
    return handler(answer.policy()).respond(HttpCacheServlet.view(request), answer.value());
  }

  @SuppressWarnings("unchecked") // each handler is stored under its own policy
  private <V> HttpCacheHandler<V> handler(HttpCachePolicy<V> policy) {
    return (HttpCacheHandler<V>)
        handlers.computeIfAbsent(policy, p -> HttpCacheHandler.builder(policy).build());
  }
}
