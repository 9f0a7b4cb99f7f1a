using System.Text;
using System.Text.Json.Nodes;
using Marginalia.Importing;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Importing;

/// <summary>
/// Mangled copies of the fixtures (bytes flipped, cut, repeated; every value swapped for one of another type): reading
/// them never throws, and every problem has a place and, past the syntax checks, a JSON pointer.
/// </summary>
public sealed class ImportDocumentFuzzTests
{
    private static readonly string[] Fixtures =
        ["webanno-collection-two-pages.jsonld", "webanno-array.json", "webanno-single-html-body.jsonld", "hypothesis-search.json", "hypothesis-single.json",
         "webanno-hostile-html-body.jsonld"];

    private static readonly string[] Replacements = ["5", "-1", "1.5e400", "\"x\"", "\"\\u001b[2J\\u202e\"", "[]", "[[[]]]", "{}", "null", "true", "[5, \"a\", {}]"];

    [Fact]
    public void Random_byte_mutations_never_throw_and_every_problem_is_placed()
    {
        var random = new Random(19);
        foreach (var name in Fixtures)
        {
            var original = File.ReadAllBytes(RepoPaths.Fixture("Import", name));
            for (var round = 0; round < 300; round++)
            {
                var bytes = Mutate(original, random);

                var result = ImportDocument.Read(name, bytes);

                Assert.All(result.Problems, p => Assert.True(p.Location.Line >= 1 && p.Location.Column >= 1 && p.Location.Path == name, p.ToString()));
            }
        }
    }

    [Fact]
    public void Every_value_swapped_for_another_type_is_read_as_far_as_it_goes_with_a_pointer_in_each_problem()
    {
        foreach (var name in Fixtures)
        {
            var text = File.ReadAllText(RepoPaths.Fixture("Import", name));
            foreach (var path in Paths(JsonNode.Parse(text)!))
            {
                foreach (var replacement in Replacements)
                {
                    var root = JsonNode.Parse(text)!;
                    Replace(root, path, JsonNode.Parse(replacement));

                    var result = ImportFixtures.ReadJson(root.ToJsonString(), name);

                    Assert.All(result.Problems, p =>
                    {
                        Assert.True(p.Location.Line >= 1 && p.Location.Column >= 1, p.ToString());
                        Assert.Contains("JSON pointer ", p.Message, StringComparison.Ordinal);
                        Assert.DoesNotContain(p.Message, c => char.IsControl(c) || c == '\u202e');
                    });
                }
            }
        }
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        for (var edits = random.Next(1, 6); edits > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0: bytes[at] = (byte)random.Next(256); break;
                case 1: bytes.RemoveRange(at, Math.Min(random.Next(1, 40), bytes.Count - at)); break;
                case 2: bytes.InsertRange(at, "{[\"\\u".Select(c => (byte)c).Skip(random.Next(5)).Take(1)); break;
                case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                default: bytes.InsertRange(at, bytes.GetRange(at, Math.Min(30, bytes.Count - at))); break;
            }

            if (bytes.Count == 0)
            {
                break;
            }
        }

        return [.. bytes];
    }

    /// <summary>The path (property names and indexes) of every value below the root.</summary>
    private static IEnumerable<object[]> Paths(JsonNode node)
    {
        var stack = new Stack<(JsonNode Node, object[] Path)>([(node, [])]);
        while (stack.Count > 0)
        {
            var (current, path) = stack.Pop();
            if (path.Length > 0)
            {
                yield return path;
            }

            if (current is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        stack.Push((value, [.. path, key]));
                    }
                }
            }
            else if (current is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        stack.Push((item, [.. path, i]));
                    }
                }
            }
        }
    }

    private static void Replace(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is int index ? parent[index]! : parent[(string)step]!;
        }

        if (path[^1] is int last)
        {
            parent.AsArray()[last] = value;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = value;
        }
    }
}
