using Marginalia.Extensions;

namespace Marginalia.Glossary;

/// <summary>Glossary terms (input/glossary/), linked to their definitions where the essay uses them: the reader extension for this kind.</summary>
internal sealed partial class TermsExtension : IReaderExtension
{
    public string Kind => "glossary";
}
