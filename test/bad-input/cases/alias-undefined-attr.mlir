// ARGS: --allow-unregistered-dialect
// ERROR: 4:19: undefined symbol alias id 'nope'
// use of an attribute alias that is never defined
"x.a"() {v = #nope} : () -> ()
