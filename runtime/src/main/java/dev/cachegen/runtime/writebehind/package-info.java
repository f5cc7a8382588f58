/**
 * Write-behind queues: calls recorded now and applied to the delegate later, with retries,
 * coalescing, dead letters and draining on close. Internal to the module.
 */
package dev.cachegen.runtime.writebehind;
