// ARGS: --allow-unregistered-dialect
// ERROR: 4:24: operation location alias was never defined
// location alias never defined
"x.a"() : () -> () loc(#loc9)
