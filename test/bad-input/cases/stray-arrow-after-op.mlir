// ARGS: --allow-unregistered-dialect
// ERROR: 4:19: expected operation name in quotes
// a second '->' after a complete function type
"x.a"() : () -> () -> i32
