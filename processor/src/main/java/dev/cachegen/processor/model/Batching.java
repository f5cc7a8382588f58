package dev.cachegen.processor.model;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * How the misses of a single-key {@code @Cached} method are collected into calls of a bulk method
 * of the same interface ({@code batchWith}).
 *
 * @param bulkMethod the interface method that loads a batch: one collection parameter of keys,
 *     returning {@code Map<K, V>}
 * @param parameterKind how the batch's keys are passed to {@code bulkMethod}
 * @param keyType {@code K}: the boxed type of the cached method's single key value
 * @param windowNanos how long the first miss of a batch waits for others, zero or more
 * @param windowText the window as a person writes it, such as {@code 2ms}, for a comment
 * @param maxBatch the most keys of one batch, at least 1
 */
public record Batching(
    ExecutableElement bulkMethod,
    CollectionKind parameterKind,
    TypeMirror keyType,
    long windowNanos,
    String windowText,
    int maxBatch) {}
