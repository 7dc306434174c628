// ARGS:
// ERROR: 5:48: expected attribute value
// an attribute without a value in moe.dispatch
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %r, %route = moe.dispatch %x, %ids {experts = , ep = 2, rank = 0} : tensor<4x8xbf16>, tensor<4x2xi32> -> tensor<?x8xbf16>
  return
}
