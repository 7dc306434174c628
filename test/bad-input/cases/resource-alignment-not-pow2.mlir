// ARGS: --allow-unregistered-dialect
// ERROR: 7:14: expected hex string blob for key 'blob1' to encode alignment in first 4 bytes, but got non-power-of-2 value: 3
// blob alignment 3
{-#
  dialect_resources: {
    builtin: {
      blob1: "0x0300000001"
    }
  }
#-}
