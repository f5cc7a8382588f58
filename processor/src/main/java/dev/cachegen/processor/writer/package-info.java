/**
 * Writes decorator source files from the model with JavaPoet, in small parts per concern. Writers
 * are pure: they never report diagnostics, since everything was checked during validation.
 */
package dev.cachegen.processor.writer;
