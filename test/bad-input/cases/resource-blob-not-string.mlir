// ARGS: --allow-unregistered-dialect
// ERROR: 7:10: expected hex string blob for key 'b'
// blob value is an integer
{-#
  dialect_resources: {
    builtin: {
      b: 42
    }
  }
#-}
