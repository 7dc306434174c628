// ARGS: --allow-unregistered-dialect
// ERROR: 4:18: duplicate key 'a' in dictionary attribute
// duplicate key in properties
"x.a"() <{a = 1, a = 2}> : () -> ()
