// ARGS: --allow-unregistered-dialect
// ERROR: 4:11: expected '}' in attribute dictionary
// key and value without '='
"x.a"() {a 1} : () -> ()
