package dev.cachegen.processor.model;

/**
 * One step of a key template's accessor chain, such as {@code id()} in {@code {user.id}}.
 *
 * @param method the name of the no-arg method to call: a record component, {@code id()}, or a bean
 *     getter {@code getId()} / {@code isId()}
 * @param returnsReference whether the result may be {@code null}, so a following step needs a null
 *     check
 */
public record Accessor(String method, boolean returnsReference) {}
