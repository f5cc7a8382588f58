/**
 * The cachegen annotation processor. {@link dev.cachegen.processor.CachingProcessor} handles rounds
 * and hands each annotated interface to validation, then to the writer.
 */
package dev.cachegen.processor;
