using AngleSharp.Dom;

namespace Marginalia.Content;

/// <summary>Finds each node of a tree again in its deep copy, so that what is known about a node (by reference) carries over to the copy.</summary>
internal static class NodeMap
{
    /// <returns>Every node of <paramref name="original"/>, itself included, with the node at the same place in <paramref name="copy"/>.</returns>
    public static Dictionary<INode, INode> Pair(INode original, INode copy)
    {
        var map = new Dictionary<INode, INode>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(INode, INode)>();
        pending.Push((original, copy));
        while (pending.Count > 0)
        {
            var (from, to) = pending.Pop();
            map[from] = to;
            var fromChildren = from.ChildNodes;
            var toChildren = to.ChildNodes;
            if (fromChildren.Length != toChildren.Length)
            {
                throw new InvalidOperationException("the copy is not a copy: its children differ in number");
            }

            for (var i = 0; i < fromChildren.Length; i++)
            {
                pending.Push((fromChildren[i], toChildren[i]));
            }
        }

        return map;
    }
}
