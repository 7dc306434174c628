// ARGS:
// ERROR: 6:16: use of value '%r' expects different type than prior uses: 'tensor<?x4xbf16>' vs 'tensor<?x8xbf16>'
// moe.gmm whose declared operand type differs from the value's
func.func @f(%x: tensor<4x8xbf16>, %ids: tensor<4x2xi32>, %p: tensor<4x2xf32>, %w: tensor<2x8x8xbf16>) {
  %r, %route = moe.dispatch %x, %ids {experts = 4, ep = 2, rank = 0} : tensor<4x8xbf16>, tensor<4x2xi32> -> tensor<?x8xbf16>
  %h = moe.gmm %r, %w, %route : tensor<?x4xbf16>, tensor<2x8x8xbf16> -> tensor<?x8xbf16>
  return
}
