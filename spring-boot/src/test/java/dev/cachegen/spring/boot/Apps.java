package dev.cachegen.spring.boot;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts {@link TestApplication} with properties, for tests that need several or failing ones. */
final class Apps {
  private Apps() {}

  /** A web application on a free port. */
  static ConfigurableApplicationContext web(String... properties) {
    return new SpringApplicationBuilder(TestApplication.class)
        .properties("server.port=0", "management.endpoints.web.exposure.include=health,cachegen")
        .properties(properties)
        .run();
  }

  /** An application without a web server. */
  static ConfigurableApplicationContext plain(String... properties) {
    return new SpringApplicationBuilder(TestApplication.class)
        .properties("spring.main.web-application-type=none")
        .properties(properties)
        .run();
  }
}
