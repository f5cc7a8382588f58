package dev.cachegen.examples;

import java.time.Instant;

/** A product row, cached as it is: a record that Jackson reads back exactly. */
public record Product(long id, String name, String category, long priceCents, Instant updatedAt) {}
