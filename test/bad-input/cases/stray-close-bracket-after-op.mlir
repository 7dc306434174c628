// ARGS: --allow-unregistered-dialect
// ERROR: 4:19: expected operation name in quotes
// a ']' after a complete operation
"x.a"() : () -> () ]
