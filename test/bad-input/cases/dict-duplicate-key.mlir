// ARGS: --allow-unregistered-dialect
// ERROR: 4:17: duplicate key 'a' in dictionary attribute
// duplicate key in an op's attribute dictionary
"x.a"() {a = 1, a = 2} : () -> ()
