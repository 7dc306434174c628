// ARGS: --allow-unregistered-dialect
// ERROR: 5:12: expected ')'
// file ends inside a block argument list
"x.a"() ({
^bb0(%a: i32