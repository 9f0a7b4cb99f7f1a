using System.Collections.Immutable;
using Marginalia.Pipeline;

namespace Marginalia.Glossary;

/// <summary>Metadata keys of the Glossary pipeline, and of what terms hand on from the weave.</summary>
internal static class GlossaryKeys
{
    public static readonly MetadataKey<TermFile> TermFile = new(nameof(TermFile));

    /// <summary>Every valid term with the paragraphs that use it, in the glossary's order.</summary>
    public static readonly MetadataKey<ImmutableArray<TermUse>> Uses = new("Glossary.Uses");
}
