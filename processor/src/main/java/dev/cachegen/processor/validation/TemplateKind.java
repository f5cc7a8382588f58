package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Message;

/**
 * Keys, tags and conditions share their path rules (and keys and tags their template syntax), but
 * not their messages.
 */
enum TemplateKind {
  KEY(
      Message.KEY_TEMPLATE_SYNTAX,
      Message.KEY_UNKNOWN_PARAMETER,
      Message.KEY_UNKNOWN_ACCESSOR,
      Message.KEY_PART_TYPE_NOT_ALLOWED,
      "Key part"),
  TAG(
      Message.TAG_TEMPLATE_SYNTAX,
      Message.TAG_UNKNOWN_PARAMETER,
      Message.TAG_UNKNOWN_ACCESSOR,
      Message.TAG_PART_TYPE_NOT_ALLOWED,
      "Tag part"),
  /** {@code condition} and {@code unless}: paths only, so no part type applies. */
  CONDITION(
      Message.CONDITION_SYNTAX,
      Message.CONDITION_UNKNOWN_PARAMETER,
      Message.CONDITION_UNKNOWN_ACCESSOR,
      Message.CONDITION_TYPE_MISMATCH,
      "Condition path"),
  /** {@code ttlFrom}: one path over the result. */
  TTL_FROM(
      Message.TTL_FROM_SYNTAX,
      Message.TTL_FROM_NOT_RESULT,
      Message.TTL_FROM_UNKNOWN_ACCESSOR,
      Message.TTL_FROM_TYPE,
      "ttlFrom path");

  final Message syntax;
  final Message unknownParameter;
  final Message unknownAccessor;
  final Message partTypeNotAllowed;
  final String partName;

  TemplateKind(
      Message syntax,
      Message unknownParameter,
      Message unknownAccessor,
      Message partTypeNotAllowed,
      String partName) {
    this.syntax = syntax;
    this.unknownParameter = unknownParameter;
    this.unknownAccessor = unknownAccessor;
    this.partTypeNotAllowed = partTypeNotAllowed;
    this.partName = partName;
  }
}
