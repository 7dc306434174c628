// ARGS: --allow-unregistered-dialect
// ERROR: 4:20: expected attribute value
// file ends inside an attribute dictionary
"x.a"() {a = 1, b = 