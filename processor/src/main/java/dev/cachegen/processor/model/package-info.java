/**
 * The immutable description of a decorator, produced by validation and consumed by the writer.
 * Everything here has been checked: the writer never needs to report a problem.
 */
package dev.cachegen.processor.model;
