/** cachegen's annotations and their enums; no dependencies. */
module dev.cachegen.annotations {
  exports dev.cachegen.annotations;
}
