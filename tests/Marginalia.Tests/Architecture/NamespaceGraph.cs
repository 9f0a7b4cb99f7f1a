using System.Text.RegularExpressions;
using Marginalia.Pipeline;

namespace Marginalia.Tests.Architecture;

/// <summary>
/// Which namespace of the library uses which, read from the source text: <c>using</c> lines, fully qualified names
/// (<c>Marginalia.Reader.FromReaderModule</c>), names qualified from an enclosing namespace (<c>BuildPipeline</c>
/// inside <c>Marginalia.Content</c>) and bare names of types declared in an enclosing namespace (<c>EditionPaths</c>
/// inside <c>Marginalia.Editions.Epub</c>). A qualified name counts only when it goes on to a type that namespace
/// declares, so a property that happens to share a namespace's name (<c>Output.TrimEnd</c>) is no use. Comments and
/// the text of strings are skipped (<see cref="CodeText"/>): a <c>cref</c> documents, it does not depend.
/// </summary>
internal sealed partial class NamespaceGraph
{
    private const string Root = "Marginalia";

    private readonly SortedDictionary<string, SortedDictionary<string, string>> _edges = new(StringComparer.Ordinal);

    private NamespaceGraph()
    {
    }

    /// <summary>Each namespace and the namespaces it uses, each with the first place (file:line) that uses it.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, string>> Edges => _edges;

    /// <param name="files">each file's display path and text</param>
    public static NamespaceGraph FromSources(IEnumerable<(string Path, string Text)> files)
    {
        var parsed = files.Select(f => new SourceFile(f.Path, Namespace(f.Text), CodeText.Of(f.Text).Split('\n').ToList())).ToList();
        var types = parsed.Where(f => f.Namespace is not null)
            .SelectMany(f => f.Lines.SelectMany(line => TypeDeclaration().Matches(line).Select(m => (f.Namespace!, m.Groups["name"].Value))))
            .ToLookup(t => t.Item1, t => t.Item2, StringComparer.Ordinal);
        var typesByNamespace = types.ToDictionary(g => g.Key, g => g.ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var namespaces = parsed.Where(f => f.Namespace is not null).Select(f => f.Namespace!).ToHashSet(StringComparer.Ordinal);

        var graph = new NamespaceGraph();
        foreach (var file in parsed.Where(f => f.Namespace is not null))
        {
            graph._edges.TryAdd(file.Namespace!, new SortedDictionary<string, string>(StringComparer.Ordinal));
            for (var i = 0; i < file.Lines.Count; i++)
            {
                foreach (var used in Uses(file.Namespace!, file.Lines[i], namespaces, typesByNamespace))
                {
                    graph.Add(file.Namespace!, used, $"{file.Path}:{i + 1}");
                }
            }
        }

        return graph;
    }

    /// <summary>
    /// One cycle for each group of namespaces that use each other (directly or through the others): a path round the
    /// group, and the whole group.
    /// </summary>
    public IReadOnlyList<NamespaceCycle> Cycles() =>
        [.. StronglyConnected().Where(g => g.Count > 1).Select(g => new NamespaceCycle(PathRound(g), [.. g.Order(StringComparer.Ordinal)]))];

    /// <summary>
    /// A cycle written out edge by edge, each with the place that makes it, then every other edge among its namespaces
    /// (a group of namespaces that use each other can hold more than one cycle; all of them must be cut).
    /// </summary>
    public string Describe(NamespaceCycle cycle)
    {
        var members = cycle.Group.ToHashSet(StringComparer.Ordinal);
        var round = cycle.Path.Select((from, i) => (From: from, To: cycle.Path[(i + 1) % cycle.Path.Count])).ToList();
        var others = members.Order(StringComparer.Ordinal)
            .SelectMany(from => _edges[from].Keys.Where(members.Contains).Select(to => (From: from, To: to)))
            .Where(edge => !round.Contains(edge));
        return string.Join('\n', round.Concat(others).Select(edge => $"  {edge.From} -> {edge.To} (first at {_edges[edge.From][edge.To]})"));
    }

    private void Add(string from, string to, string at)
    {
        if (from != to)
        {
            _edges[from].TryAdd(to, at);
        }
    }

    private static IEnumerable<string> Uses(string current, string line, HashSet<string> namespaces, Dictionary<string, HashSet<string>> types)
    {
        var usingLine = Using().Match(line);
        if (usingLine.Success)
        {
            var target = Longest(usingLine.Groups["name"].Value, namespaces);
            if (target is not null)
            {
                yield return target;
            }

            yield break;
        }

        foreach (Match name in QualifiedName().Matches(line))
        {
            var parts = name.Groups["name"].Value.Split('.');
            foreach (var scope in Enclosing(current))
            {
                var target = TypeIn(scope, parts, namespaces, types);
                if (target is not null)
                {
                    yield return target;
                    break;
                }
            }
        }

        foreach (var scope in Enclosing(current).Skip(1).Where(types.ContainsKey))
        {
            foreach (Match word in BareName().Matches(line))
            {
                if (types[scope].Contains(word.Value))
                {
                    yield return scope;
                }
            }
        }
    }

    // The namespaces C# searches for a name written inside `current`: itself, then each enclosing one out to the global.
    private static IEnumerable<string> Enclosing(string current)
    {
        for (var scope = current; scope.Length > 0; scope = scope.Contains('.', StringComparison.Ordinal) ? scope[..scope.LastIndexOf('.')] : "")
        {
            yield return scope;
        }

        yield return "";
    }

    // The namespace `parts` reaches from `scope` when, followed namespace by namespace, they end on a type it declares.
    private static string? TypeIn(string scope, string[] parts, HashSet<string> namespaces, Dictionary<string, HashSet<string>> types)
    {
        var candidate = scope;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            candidate = candidate.Length == 0 ? parts[i] : candidate + "." + parts[i];
            if (!namespaces.Contains(candidate) && !(candidate == Root || namespaces.Any(n => n.StartsWith(candidate + ".", StringComparison.Ordinal))))
            {
                return null;
            }

            if (types.TryGetValue(candidate, out var declared) && declared.Contains(parts[i + 1]))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Longest(string name, HashSet<string> namespaces)
    {
        for (var candidate = name; candidate.Length > 0; candidate = candidate.Contains('.', StringComparison.Ordinal) ? candidate[..candidate.LastIndexOf('.')] : "")
        {
            if (namespaces.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? Namespace(string text)
    {
        var match = NamespaceDeclaration().Match(text);
        return match.Success ? match.Groups["name"].Value : null;
    }

    // Tarjan's algorithm: the groups of namespaces that can each reach every other.
    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var groups = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in _edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] == index[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != node);
                groups.Add(group);
            }
        }

        foreach (var node in _edges.Keys.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return groups;
    }

    // A shortest path from the group's first namespace back to itself, staying inside the group.
    private List<string> PathRound(List<string> group)
    {
        var members = group.ToHashSet(StringComparer.Ordinal);
        var start = group.Min(StringComparer.Ordinal)!;
        var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in _edges[node].Keys.Where(members.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { node };
                    while (path[^1] != start)
                    {
                        path.Add(cameFrom[path[^1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (cameFrom.TryAdd(next, node))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return group;
    }

    /// <param name="Path">namespaces in the order each uses the next, the last using the first</param>
    /// <param name="Group">every namespace of the group the path goes round, in order</param>
    public sealed record NamespaceCycle(IReadOnlyList<string> Path, IReadOnlyList<string> Group);

    private sealed record SourceFile(string Path, string? Namespace, List<string> Lines);

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*[;{]?", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|ref|file)\s+)*(?:class|record\s+struct|record\s+class|record|struct|interface|enum)\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?(?<name>[\w.]+)\s*;")]
    private static partial Regex Using();

    // A dotted name not itself a member of something before it (`context.Reader.Html` is not a namespace use).
    [GeneratedRegex(@"(?<![\w.:])(?:global::)?(?<name>[A-Z]\w*(?:\.[A-Z]\w*)+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"(?<![\w.])[A-Z]\w*")]
    private static partial Regex BareName();
}
