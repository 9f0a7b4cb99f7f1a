using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Marginalia.Tests.Annotations.Export;

/// <summary>The schemas one conformance <c>.test</c> file lists, each with its path as the suite names it.</summary>
public sealed class SchemaList(string testFile, IReadOnlyList<(string Path, JsonSchema Schema)> schemas)
{
    public string TestFile { get; } = testFile;

    public IReadOnlyList<(string Path, JsonSchema Schema)> Schemas { get; } = schemas;

    public int Count => Schemas.Count;

    /// <summary>The paths of the schemas <paramref name="json"/> does not satisfy, in the order the test file lists them.</summary>
    public IReadOnlyList<string> Failures(JToken json) =>
        [.. Schemas.Where(s => s.Schema.Validate(json).Count > 0).Select(s => s.Path)];

    /// <summary>The failures with NJsonSchema's own reasons, for assertion messages.</summary>
    public string Explain(JToken json) => string.Join('\n',
        Schemas.Select(s => (s.Path, Errors: s.Schema.Validate(json)))
            .Where(r => r.Errors.Count > 0)
            .Select(r => $"{r.Path}: {string.Join("; ", r.Errors.Select(e => e.ToString()))}"));

    public (string Path, JsonSchema Schema) this[string path] => Schemas.Single(s => s.Path == path);
}
