package dev.cachegen.processor.validation;

import dev.cachegen.processor.diagnostics.Message;

/** Keys and tags share their template syntax and rules, but not their messages. */
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
      "Tag part");

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
