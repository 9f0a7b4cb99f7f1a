using Marginalia.Site;
using Marginalia.Tests.Support;

namespace Marginalia.Tests.Hostile;

/// <summary>
/// Well-formed contribution files with one hostile part each, and a build of a copy of the repository with one of
/// them added. Every template's body starts on a known line, so a test can name the line and column it expects.
/// </summary>
internal static class HostileFiles
{
    /// <summary>A note on "India’s Bhashini project"; fields after <c>created</c> start on line 5; the body on line 6 plus the extra lines.</summary>
    public static string Note(string body, string extra = "", string author = "mallory") =>
        $"---\nquote: \"India’s Bhashini project\"\nauthor: {author}\ncreated: 2026-11-27\n{extra}---\n{body}";

    /// <summary>A glossary term; extra fields start on line 5; the body on line 6 plus the extra lines.</summary>
    public static string Term(string body = "Body.\n", string term = "Hostile term", string definition = "A definition.", string extra = "") =>
        $"---\nterm: \"{term}\"\nshort: \"{definition}\"\nauthor: mallory\n{extra}---\n{body}";

    /// <summary>An initiative mentioned as "Estonia"; extra fields start on line 6; the body on line 7 plus the extra lines.</summary>
    public static string Initiative(string body = "Body.\n", string name = "Hostile", string summary = "A summary.", string extra = "") =>
        $"---\nname: \"{name}\"\nmentions: [\"Estonia\"]\nsummary: \"{summary}\"\nauthor: mallory\n{extra}---\n{body}";

    /// <summary>The file for a kind of contribution ("note", "term", "initiative") with this body, and where its body starts.</summary>
    public static (string Folder, string Text, int BodyLine) WithBody(string kind, string body) => kind switch
    {
        "note" => ("annotations", Note(body), 6),
        "term" => ("glossary", Term(body), 6),
        "initiative" => ("initiatives", Initiative(body), 7),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Builds a copy of the repository with <paramref name="files"/> (relative path, text) added.</summary>
    public static async Task<(TempSite Site, BuildResult Result)> BuildWithAsync(bool write, params (string Path, string Text)[] files)
    {
        var site = TempSite.CopyOfRepository();
        foreach (var (path, text) in files)
        {
            site.Write(path, text);
        }

        return (site, await site.BuildAsync(write));
    }

    /// <summary>The errors as "CODE path:line:column", in the order reported (sorted by file and line).</summary>
    public static string[] Errors(BuildResult result) =>
        [.. result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code.Id} {d.Location}")];
}
