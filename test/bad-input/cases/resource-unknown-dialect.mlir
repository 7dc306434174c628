// ARGS: --allow-unregistered-dialect
// ERROR: 6:5: dialect 'nope' is unknown
// resources for a dialect that does not exist
{-#
  dialect_resources: {
    nope: {
      blob1: "0x0400000001"
    }
  }
#-}
