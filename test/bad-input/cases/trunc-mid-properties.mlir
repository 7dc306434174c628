// ARGS: --allow-unregistered-dialect
// ERROR: 4:14: expected '}' in attribute dictionary
// file ends inside a properties dictionary
"x.a"() <{a = 1