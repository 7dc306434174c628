// ARGS:
// ERROR: 5:24: use of undeclared SSA value name
// moe.gmm naming a route that was never defined
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %h = moe.gmm %x, %w, %route : tensor<4x8xbf16>, tensor<2x8x8xbf16> -> tensor<?x8xbf16>
  return
}
