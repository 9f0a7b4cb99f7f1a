using System.Globalization;

namespace Marginalia.Text;

/// <summary>
/// The orders readers look names up in: culture-invariant collation ignoring case (the sources page), or case and
/// accents (the glossary, on the site and in the book alike, so both list the terms the same way).
/// </summary>
/// <remarks>
/// Both also ignore kana type and character width, as ICU itself does below its tertiary strength. Without those two
/// flags .NET gives ICU custom rules that tell them apart again, and ICU compiles the rules into a new collator in every
/// process that sorts: about 8 ms of CPU per build of input/ (perf, Native AOT), for differences an English essay's
/// terms and source titles do not have.
/// </remarks>
internal static class ReaderOrder
{
    private const CompareOptions AsIcuDoes = CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;

    public static StringComparer IgnoringCase { get; } =
        StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | AsIcuDoes);

    public static StringComparer IgnoringCaseAndAccents { get; } =
        StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | AsIcuDoes);
}
