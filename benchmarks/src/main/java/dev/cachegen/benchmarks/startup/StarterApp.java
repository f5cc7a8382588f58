package dev.cachegen.benchmarks.startup;

import dev.cachegen.benchmarks.CatalogItemService;
import dev.cachegen.benchmarks.ItemService;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The smallest Spring Boot application with a cached bean, one {@link ItemService}, started three
 * ways on one class path: {@linkplain Mode#STARTER with the starter}, which wraps the bean in the
 * generated {@code CachedItemService} over an in-memory runtime; {@linkplain Mode#BY_HAND by hand},
 * the starter's auto-configurations excluded and the runtime and decorator written as {@code @Bean}
 * methods; and {@linkplain Mode#NONE without cachegen} at all. {@code STARTER - NONE} is what an
 * application pays at start for cachegen through the starter; {@code STARTER - BY_HAND} is the
 * starter's own share of it.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class StarterApp {
  /** The starter's auto-configurations, excluded but with {@link Mode#STARTER}. */
  static final String STARTER =
      "dev.cachegen.spring.boot.CachegenAutoConfiguration,"
          + "dev.cachegen.spring.boot.CachegenActuatorAutoConfiguration";

  /** How the application gets its cached bean. */
  public enum Mode {
    /** The starter decorates the plain bean. */
    STARTER,
    /** {@code @Bean} methods build the runtime and the decorator; no starter. */
    BY_HAND,
    /** The plain bean, no cachegen. */
    NONE
  }

  /** Holds the delegate, so that a benchmark can count its loads behind the decorator. */
  @Bean
  public Delegate delegate() {
    return new Delegate();
  }

  /** Starts the application without a web server. */
  public static ConfigurableApplicationContext start(Mode mode) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("logging.level.root", "warn");
    properties.put("spring.main.banner-mode", "off");
    if (mode != Mode.STARTER) {
      properties.put("spring.autoconfigure.exclude", STARTER);
    }
    Class<?> service = mode == Mode.BY_HAND ? ByHandBeans.class : PlainBeans.class;
    return new SpringApplicationBuilder(StarterApp.class, service)
        .web(WebApplicationType.NONE)
        .logStartupInfo(false)
        .properties(properties)
        .run();
  }

  /** The implementation behind the {@code ItemService} bean. */
  public static final class Delegate {
    /** The delegate the bean is, or wraps. */
    public final CatalogItemService catalog = new CatalogItemService();
  }
}
