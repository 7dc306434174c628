// ARGS: --allow-unregistered-dialect
// ERROR: 5:1: redefinition of type alias id 't'
// type alias defined twice
!t = i32
!t = i64
