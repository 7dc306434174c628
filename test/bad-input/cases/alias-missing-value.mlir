// ARGS: --allow-unregistered-dialect
// ERROR: 5:6: expected operation name in quotes
// alias definition without a value
#a =
"x.a"() : () -> ()
