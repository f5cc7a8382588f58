package dev.cachegen.spring.boot;

import dev.cachegen.runtime.CacheRuntime;
import dev.cachegen.runtime.Decorators;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Wraps every bean whose class implements an interface with a generated decorator in that
 * decorator, so that {@code @Autowired ItemService} gets the cached one. The decorator is found
 * through {@link Decorators} (a factory listed by the processor), so nothing on a call path uses
 * reflection: a call goes from the caller to the decorator to the bean.
 *
 * <p>A bean annotated {@link NotDecorated} (class or {@code @Bean} method) or named in {@code
 * cachegen.exclude-beans} stays as it is. A bean implementing two decorated interfaces is an error,
 * since one decorator implements one interface. Once all singletons exist, one INFO line lists what
 * was decorated and what was left out.
 *
 * <p>Every decorated bean is registered as a dependency of the runtime, so on shutdown the runtime
 * is closed, and its write-behind calls applied, before the beans they call are destroyed.
 */
final class DecoratingPostProcessor
    implements BeanPostProcessor, BeanFactoryAware, SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(DecoratingPostProcessor.class);

  private final ObjectProvider<CacheRuntime> runtime;
  private final ObjectProvider<CachegenProperties> properties;
  private final List<String> decorated = new CopyOnWriteArrayList<>();
  private final List<String> optedOut = new CopyOnWriteArrayList<>();
  private ConfigurableListableBeanFactory beanFactory;

  DecoratingPostProcessor(
      ObjectProvider<CacheRuntime> runtime, ObjectProvider<CachegenProperties> properties) {
    this.runtime = runtime;
    this.properties = properties;
  }

  @Override
  public void setBeanFactory(BeanFactory beanFactory) {
    this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    if (bean instanceof CacheRuntime) {
      return bean;
    }
    List<Class<?>> interfaces = decoratedInterfaces(bean);
    if (interfaces.isEmpty()) {
      return bean;
    }
    if (optsOut(beanName)) {
      optedOut.add(beanName);
      return bean;
    }
    if (interfaces.size() > 1) {
      throw new IllegalStateException(
          "Bean '"
              + beanName
              + "' implements several interfaces with cachegen decorators "
              + interfaces.stream().map(Class::getName).toList()
              + ", and a decorator implements one. Split the bean, or keep it undecorated with"
              + " @NotDecorated or cachegen.exclude-beans="
              + beanName
              + " and decorate it yourself with Decorators.decorate.");
    }
    Class<?> type = interfaces.get(0);
    CacheRuntime cacheRuntime = runtime.getObject();
    Object decorator = decorate(type, bean, cacheRuntime);
    for (String runtimeName : beanFactory.getBeanNamesForType(CacheRuntime.class, false, false)) {
      // The runtime is destroyed (closed, write-behind drained) before this bean.
      beanFactory.registerDependentBean(beanName, runtimeName);
    }
    decorated.add(beanName + " (" + type.getSimpleName() + ")");
    return decorator;
  }

  @Override
  public void afterSingletonsInstantiated() {
    log.info(
        "cachegen decorated {} bean(s): {}{}",
        decorated.size(),
        decorated.isEmpty() ? "none" : String.join(", ", decorated),
        optedOut.isEmpty() ? "" : "; left undecorated (opted out): " + String.join(", ", optedOut));
  }

  /** The beans decorated so far, as {@code name (Interface)}. */
  List<String> decorated() {
    return List.copyOf(decorated);
  }

  private static List<Class<?>> decoratedInterfaces(Object bean) {
    Set<Class<?>> all = ClassUtils.getAllInterfacesForClassAsSet(bean.getClass());
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> type : all) {
      if (Decorators.hasDecorator(type)) {
        if (Decorators.isDecorator(type, bean)) {
          return List.of();
        }
        found.add(type);
      }
    }
    return found;
  }

  private boolean optsOut(String beanName) {
    if (properties.getObject().getExcludeBeans().contains(beanName)) {
      return true;
    }
    try {
      return beanFactory.findAnnotationOnBean(beanName, NotDecorated.class) != null;
    } catch (NoSuchBeanDefinitionException e) {
      return false; // an inner bean without a definition of its own
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Object decorate(Class<T> type, Object bean, CacheRuntime runtime) {
    return Decorators.decorate(type, (T) bean, runtime);
  }
}
