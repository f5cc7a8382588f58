/**
 * The annotations of cachegen. Put them on the methods of an interface; the cachegen annotation
 * processor writes a decorator class {@code Cached<InterfaceName>} next to the interface.
 */
package dev.cachegen.annotations;
