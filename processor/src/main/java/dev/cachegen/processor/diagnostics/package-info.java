/** The texts of every diagnostic and the reporter that attaches them to source positions. */
package dev.cachegen.processor.diagnostics;
