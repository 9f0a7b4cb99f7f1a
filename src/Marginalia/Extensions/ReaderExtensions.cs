using Marginalia.Annotations;
using Marginalia.Footnotes;
using Marginalia.Glossary;
using Marginalia.Initiatives;

namespace Marginalia.Extensions;

/// <summary>Every kind of annotation the reader knows, one line each. Adding a kind is one folder and one line here.</summary>
internal static class ReaderExtensions
{
    public static IReadOnlyList<IReaderExtension> All { get; } =
    [
        new NotesExtension(),
        new FootnotesExtension(),
        new InitiativesExtension(),
        new TermsExtension(),
    ];
}
