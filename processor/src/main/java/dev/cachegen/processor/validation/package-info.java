/**
 * Reads cachegen annotations as mirrors, checks everything about them and produces the model.
 * Problems are reported through {@link dev.cachegen.processor.diagnostics.Diagnostics}; nothing
 * here knows how code is written.
 */
package dev.cachegen.processor.validation;
