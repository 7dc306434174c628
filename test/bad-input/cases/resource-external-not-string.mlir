// ARGS: --allow-unregistered-dialect
// ERROR: 7:10: expected string value for key 'b'
// external resource value is an integer
{-#
  external_resources: {
    builtin: {
      b: 42
    }
  }
#-}
