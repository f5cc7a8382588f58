package dev.cachegen.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * What makes a {@code @Cached} method a bulk method ({@code Map<K, V> findAll(Collection<K> ids)}):
 * each element of its one parameter is the key of its own entry, and its value in the returned map
 * is that entry's value.
 *
 * @param parameter the name of the parameter holding the keys
 * @param kind the parameter's declared collection type
 * @param keyType {@code K}, the type of one key
 */
public record BulkKeys(String parameter, CollectionKind kind, TypeMirror keyType) {}
