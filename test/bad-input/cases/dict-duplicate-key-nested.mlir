// ARGS: --allow-unregistered-dialect
// ERROR: 4:22: duplicate key 'a' in dictionary attribute
// duplicate key in a nested dictionary attribute
"x.a"() {d = {a = 1, a = 2}} : () -> ()
