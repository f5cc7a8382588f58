package dev.cachegen.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot example: products in H2 behind a cached {@link ProductService}, with Actuator's
 * {@code /actuator/cachegen}, {@code /actuator/health} and {@code /actuator/metrics}. In-memory
 * caching by default; {@code --spring.data.redis.url=redis://localhost:6379} adds Redis.
 */
@SpringBootApplication
public class ShopApplication {
  /** Starts the service. */
  public static void main(String[] args) {
    SpringApplication.run(ShopApplication.class, args);
  }
}
