// ARGS: --allow-unregistered-dialect
// ERROR: 4:16: undefined symbol alias id 'a'
// attribute aliases must be defined before use
"x.a"() {v = #a} : () -> ()
#a = 1
