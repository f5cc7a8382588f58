package dev.cachegen.benchmarks;

import java.util.List;

/**
 * The cached value of every benchmark: a small record of the size a catalogue row has, about 120
 * bytes of JSON.
 */
public record Item(long id, String name, String description, long priceCents, List<String> tags) {}
