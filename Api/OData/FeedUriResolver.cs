using System.Globalization;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Scorecard.Api.OData;

/// <summary>
/// The library's URI resolver (unqualified calls, case-insensitive names), except that a decimal literal
/// compared with or computed against a Double property (<c>Value gt 99.5M</c>, as generated clients write
/// decimals) is read as the Double it is compared with, where the parser would refuse the pair of types.
/// </summary>
internal sealed class FeedUriResolver : UnqualifiedODataUriResolver
{
    public override void PromoteBinaryOperandTypes(
        BinaryOperatorKind binaryOperatorKind,
        ref SingleValueNode leftNode,
        ref SingleValueNode rightNode,
        out IEdmTypeReference typeReference
    )
    {
        leftNode = AsDouble(leftNode, rightNode);
        rightNode = AsDouble(rightNode, leftNode);
        base.PromoteBinaryOperandTypes(binaryOperatorKind, ref leftNode, ref rightNode, out typeReference);
    }

    private static SingleValueNode AsDouble(SingleValueNode node, SingleValueNode other) =>
        node is ConstantNode { Value: decimal value } constant
        && other.TypeReference?.PrimitiveKind() is EdmPrimitiveTypeKind.Double or EdmPrimitiveTypeKind.Single
            ? new ConstantNode(
                (double)value,
                constant.LiteralText ?? value.ToString(CultureInfo.InvariantCulture),
                EdmCoreModel.Instance.GetDouble(other.TypeReference.IsNullable)
            )
            : node;
}
