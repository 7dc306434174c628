// ARGS: --allow-unregistered-dialect
// ERROR: 5:1: redefinition of attribute alias id 'a'
// attribute alias defined twice
#a = 1
#a = 2
