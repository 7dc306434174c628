// ARGS: --allow-unregistered-dialect
// ERROR: 7:21: expected '"' in string literal
// file ends inside a resource blob string
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x0400