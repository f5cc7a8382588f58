package dev.cachegen.examples.spring;

/** A product of the shop. */
public record Product(long id, String name, long priceCents) {}
