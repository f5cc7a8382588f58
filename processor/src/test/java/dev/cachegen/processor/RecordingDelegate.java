package dev.cachegen.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A delegate made with {@link Proxy} that records calls per method (their count and arguments) and
 * answers as told.
 */
final class RecordingDelegate implements InvocationHandler {
  /** What a method answers. */
  @FunctionalInterface
  interface Answer {
    Object answer(Object[] args) throws Throwable;
  }

  private final Map<String, Answer> answers = new HashMap<>();
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, List<Object[]>> arguments = new ConcurrentHashMap<>();

  RecordingDelegate answer(String method, Answer answer) {
    answers.put(method, answer);
    return this;
  }

  int calls(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  /** The arguments of every call of {@code method}, in the order the calls began. */
  List<Object[]> arguments(String method) {
    return List.copyOf(arguments.getOrDefault(method, List.of()));
  }

  Object proxy(Class<?> type) {
    return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, this);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    calls.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
    Object[] given = args == null ? new Object[0] : args;
    arguments
        .computeIfAbsent(method.getName(), name -> new CopyOnWriteArrayList<>())
        .add(given.clone());
    Answer answer = answers.get(method.getName());
    if (answer == null) {
      throw new AssertionError("unexpected call of " + method.getName());
    }
    return answer.answer(given);
  }
}
