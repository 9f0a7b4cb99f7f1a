using NJsonSchema;

namespace Marginalia.Tests.Annotations.Export;

/// <summary>
/// Resolves the conformance schemas' file references (<c>annotations.json#/…</c>, <c>id.json#/…</c>) against the
/// suite's <c>definitions/</c> folder. NJsonSchema would look beside the referring file (<c>annotations/</c>), where
/// they are not, and for a definitions file loaded by reference it would even resolve against the working directory.
/// </summary>
public sealed class DefinitionsReferenceResolver(JsonSchemaAppender appender, string definitionsFolder)
    : JsonReferenceResolver(appender)
{
    public override string ResolveFilePath(string documentPath, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        var file = jsonPath.Split('#')[0];
        return Path.Combine(definitionsFolder, Path.GetFileName(file));
    }
}
