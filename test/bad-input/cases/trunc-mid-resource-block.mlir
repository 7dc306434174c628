// ARGS: --allow-unregistered-dialect
// ERROR: 7:15: expected identifier key for 'resource' entry
// file ends inside a {-# #-} block
"x.a"() : () -> ()
{-#
  dialect_resources: {
    builtin: {
