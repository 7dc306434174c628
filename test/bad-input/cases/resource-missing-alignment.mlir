// ARGS: --allow-unregistered-dialect
// ERROR: 7:14: expected hex string blob for key 'blob1' to encode alignment in first 4 bytes
// blob shorter than its 4-byte alignment prefix
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x01"
    }
  }
#-}
