package dev.cachegen.processor.model;

import java.util.List;

/**
 * One tag template, such as {@code "owner:{owner.id}"}, resolved like a key: the tag is the
 * template's text with every value in brackets ({@code owner:[42]}).
 *
 * @param template the template as written, for comments in generated code
 * @param parts the text and values, in template order
 */
public record TagTemplate(String template, List<KeyPart> parts) {

  /** Copies the parts. */
  public TagTemplate {
    parts = List.copyOf(parts);
  }
}
