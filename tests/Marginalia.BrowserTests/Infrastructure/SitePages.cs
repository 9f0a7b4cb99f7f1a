using Marginalia.Testing;
using Xunit;

namespace Marginalia.BrowserTests.Infrastructure;

/// <summary>The pages every build makes, as paths relative to the site's root.</summary>
public static class SitePages
{
    public const string Reader = "index.html";
    public const string About = "about/index.html";
    public const string Notes = "notes/index.html";
    public const string Glossary = "glossary/index.html";
    public const string NotFound = "404.html";
    public const string Initiatives = "initiatives/index.html";
    public const string Sources = "sources/index.html";
    public const string Contributors = "contributors/index.html";

    /// <summary>The search page: the header's box leads here with its query, and it says what to do without script.</summary>
    public const string Search = "search/index.html";

    /// <summary>The questions for reading groups, section by section: written when the essay has questions, as the committed input has.</summary>
    public const string ReadingGuide = "reading-guide/index.html";

    /// <summary>The single-file edition: the reader with everything it needs inlined.</summary>
    public const string SingleFile = "downloads/ai-and-the-unfinished-agenda-of-globalisation.html";

    /// <summary>
    /// One page per file in the committed <c>input/initiatives/</c>, whose name is the initiative's id; read from the input rather
    /// than the built site because test data is gathered before the fixture builds anything, and so a page the
    /// build failed to write is a failure here rather than a page nobody tested.
    /// </summary>
    public static IReadOnlyList<string> InitiativePages { get; } =
        [.. Directory.EnumerateFiles(Path.Combine(CommittedInput.Of(RepositoryRoot.Find()).Input, "initiatives"), "*.md")
            .Select(file => $"initiatives/{Path.GetFileNameWithoutExtension(file)}/index.html")
            .Order(StringComparer.Ordinal)];

    /// <summary>Every page that works from disk; <see cref="NotFound"/> is left out because its links are root-relative.</summary>
    public static IReadOnlyList<string> PagesFromDisk { get; } = [Reader, Notes, Glossary, About, Initiatives, Sources, Contributors, ReadingGuide, Search, .. InitiativePages];

    /// <summary>Pages that work from disk; <see cref="NotFound"/> is left out because its links are root-relative.</summary>
    public static TheoryData<string> OpenableFromDisk => [.. PagesFromDisk];

    public static TheoryData<string> All => [.. AllPages];

    /// <summary>The same pages as <see cref="All"/>, for tests that take them as one list.</summary>
    public static IReadOnlyList<string> AllPages { get; } = [.. PagesFromDisk, NotFound];

    /// <summary>Each initiative's page, for tests that go through them one by one.</summary>
    public static TheoryData<string> EachInitiativePage => [.. InitiativePages];

    /// <summary>Each page at the two phone widths that matter: a common phone (390) and the narrowest still sold (320).</summary>
    public static TheoryData<string, int> AllAtPhoneWidths
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var page in AllPages)
            {
                data.Add(page, 390);
                data.Add(page, 320);
            }

            return data;
        }
    }
}
