// ARGS: --allow-unregistered-dialect
// ERROR: 6:2: expected ')' to end region list
// a doubled '}' closing a region
"x.a"() ({
  "x.b"() : () -> ()
}}) : () -> ()
