using Marginalia.Tests.Support;

namespace Marginalia.Tests.Architecture;

/// <summary>
/// The library's namespaces form layers: no namespace uses, directly or through others, a namespace that uses it.
/// Each folder is its own namespace and a sub-folder (Editions/Epub) its own node, so the graph is the folder table of
/// docs/architecture.md.
/// </summary>
public class NamespaceCycleTests
{
    [Fact]
    public void The_library_has_no_namespace_cycle()
    {
        // Given every source file of the library
        var graph = NamespaceGraph.FromSources(LibrarySources());

        // When its namespace graph is searched for cycles
        var cycles = graph.Cycles();

        // Then there are none; a failure shows each cycle edge by edge, with the line that makes each edge
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n\n", cycles.Select(graph.Describe)));
    }

    [Fact]
    public void The_graph_reads_the_library_namespaces_it_is_expected_to_see()
    {
        // Guards the reading itself: a scan that found no edges would find no cycles either
        var graph = NamespaceGraph.FromSources(LibrarySources());

        Assert.Contains("Marginalia.Editions.Epub", graph.Edges.Keys);
        Assert.Contains("Marginalia.Pipeline", graph.Edges["Marginalia.Reader"].Keys);
        Assert.Contains("Marginalia.Diagnostics", graph.Edges["Marginalia.Pipeline"].Keys);
        Assert.Empty(graph.Edges["Marginalia.Diagnostics"]);
    }

    [Fact]
    public void A_cycle_through_a_using_and_a_qualified_name_is_found_and_shown_with_its_places()
    {
        // Given two namespaces that use each other, one by a using line and one by a name qualified from Marginalia
        var graph = NamespaceGraph.FromSources([
            ("A/One.cs", "using Marginalia.B;\n\nnamespace Marginalia.A;\n\ninternal sealed class One;\n"),
            ("B/Two.cs", "namespace Marginalia.B;\n\ninternal sealed class Two\n{\n    private A.One? _one;\n}\n"),
        ]);

        // When cycles are searched
        var cycle = Assert.Single(graph.Cycles());

        // Then the cycle names both namespaces and the line that makes each edge
        Assert.Equal(["Marginalia.A", "Marginalia.B"], cycle.Path);
        Assert.Equal(
            "  Marginalia.A -> Marginalia.B (first at A/One.cs:1)\n  Marginalia.B -> Marginalia.A (first at B/Two.cs:5)",
            graph.Describe(cycle));
    }

    [Fact]
    public void A_sub_namespace_is_its_own_node_and_uses_its_parent_by_bare_type_names()
    {
        // Given a parent namespace that uses its sub-namespace, and the sub-namespace naming a parent type unqualified
        var graph = NamespaceGraph.FromSources([
            ("Editions/Paths.cs", "using Marginalia.Editions.Epub;\n\nnamespace Marginalia.Editions;\n\ninternal static class Paths;\n"),
            ("Editions/Epub/Book.cs", "namespace Marginalia.Editions.Epub;\n\ninternal sealed class Book\n{\n    public string P => Paths.ToString();\n}\n"),
        ]);

        // Then each is a node and the two edges make a cycle
        Assert.Equal(["Marginalia.Editions.Epub"], graph.Edges["Marginalia.Editions"].Keys);
        Assert.Equal(["Marginalia.Editions"], graph.Edges["Marginalia.Editions.Epub"].Keys);
        Assert.Single(graph.Cycles());
    }

    [Fact]
    public void Comments_members_named_like_a_namespace_and_names_that_reach_no_type_are_not_uses()
    {
        // Given a file that mentions namespace B only in comments, through a property called B and in a string's URL
        var graph = NamespaceGraph.FromSources([
            ("A/One.cs", "namespace Marginalia.A;\n\n/// <see cref=\"B.Two\"/>\ninternal sealed class One\n{\n"
                + "    // uses B.Two\n    public string B => \"https://example.org/B.Two\"; /* B.Two */\n    public int N => B.Length;\n}\n"),
            ("B/Two.cs", "using Marginalia.A;\n\nnamespace Marginalia.B;\n\ninternal sealed class Two;\n"),
        ]);

        // Then A uses nothing, so B's use of A makes no cycle
        Assert.Empty(graph.Edges["Marginalia.A"]);
        Assert.Empty(graph.Cycles());
    }

    private static IEnumerable<(string Path, string Text)> LibrarySources()
    {
        var library = Path.Combine(RepoPaths.Root, "src", "Marginalia");
        return Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(Path.GetRelativePath(library, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/'), File.ReadAllText(path)));
    }

    private static bool IsBuildOutput(string relative) =>
        relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
        || relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
