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

    /// <summary>Pages that work from disk; <see cref="NotFound"/> is left out because its links are root-relative.</summary>
    public static TheoryData<string> OpenableFromDisk => [Reader, Notes, Glossary, About];

    public static TheoryData<string> All => [Reader, Notes, Glossary, About, NotFound];

    /// <summary>The same pages as <see cref="All"/>, for tests that take them as one list.</summary>
    public static IReadOnlyList<string> AllPages => [Reader, Notes, Glossary, About, NotFound];

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
