using Marginalia.Pipeline;

namespace Marginalia.Glossary;

/// <summary>Metadata keys of the Glossary pipeline.</summary>
public static class GlossaryKeys
{
    public static readonly MetadataKey<TermFile> TermFile = new(nameof(TermFile));
}
