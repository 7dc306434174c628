// ARGS: --allow-unregistered-dialect
// ERROR: 4:7: use of undeclared SSA value name
// use of a value that is never defined (graph region)
"x.a"(%0) : (i32) -> ()
