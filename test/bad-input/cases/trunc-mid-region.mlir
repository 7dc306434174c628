// ARGS: --allow-unregistered-dialect
// ERROR: 5:21: expected operation name in quotes
// file ends inside a region
"x.a"() ({
  "x.b"() : () -> ()
