// ARGS: --allow-unregistered-dialect
// ERROR: 4:19: expected ',' or ']'
// array attribute closed with '}'
"x.a"() {v = [1, 2} : () -> ()
