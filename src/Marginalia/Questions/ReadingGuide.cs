namespace Marginalia.Questions;

/// <summary>
/// The reading guide: every discussion question on one page, section by section, for whoever leads a reading group.
/// Its path, layout and title, named once for the page, the book's chapter and the tests.
/// </summary>
internal static class ReadingGuide
{
    /// <summary>The page's site path; a folder's index, as the glossary and the notes page are, so its address ends in "reading-guide/".</summary>
    public const string Path = "reading-guide/index.html";

    /// <summary>The page's layout (theme/layouts/reading-guide.liquid), and so its <c>page.kind</c>.</summary>
    public const string Layout = "reading-guide";

    public const string Title = "Reading guide";

    /// <summary>
    /// The prefix of a section's heading id on the page and in the book ("guide-s-opening"), so it can never equal a
    /// question's element id, which starts with <see cref="Question.IdPrefix"/>.
    /// </summary>
    public const string SectionIdPrefix = "guide-";
}
