package dev.cachegen.runtime.http;

import java.time.Instant;

/** The value the HTTP tests serve. */
record Item(long id, String name, Instant updatedAt) {}
