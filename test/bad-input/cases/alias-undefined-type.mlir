// ARGS: --allow-unregistered-dialect
// ERROR: 4:22: undefined symbol alias id 'nope'
// use of a type alias that is never defined
"x.a"() : () -> !nope
