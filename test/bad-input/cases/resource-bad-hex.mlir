// ARGS: --allow-unregistered-dialect
// ERROR: 7:14: expected hex string blob for key 'blob1'
// blob with non-hex digits
{-#
  dialect_resources: {
    builtin: {
      blob1: "0xZZ"
    }
  }
#-}
