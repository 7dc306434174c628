// ARGS: --allow-unregistered-dialect
// ERROR: 6:4: expected ',' or '#-}'
// two sections without a ','
{-#
  dialect_resources: {
  }
  dialect_resources: {
  }
#-}
