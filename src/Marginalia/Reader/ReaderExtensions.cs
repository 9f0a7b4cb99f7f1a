using Marginalia.Annotations;
using Marginalia.Extensions;
using Marginalia.Footnotes;
using Marginalia.Glossary;
using Marginalia.Initiatives;
using Marginalia.Questions;

namespace Marginalia.Reader;

/// <summary>
/// Every kind of annotation the reader knows, one line each. Adding a kind is one folder and one line here. The order
/// is the order kinds finish a weave in (and add their xref names in); which kind claims a range first is each kind's
/// declared precedence.
/// </summary>
internal static class ReaderExtensions
{
    public static IReadOnlyList<IReaderExtension> All { get; } =
    [
        new NotesExtension(),
        new FootnotesExtension(),
        new TermsExtension(),
        new InitiativesExtension(),
        new QuestionsExtension(),
    ];
}
