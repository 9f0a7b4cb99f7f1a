using System.Text.RegularExpressions;

namespace Marginalia.Tests.Offline;

/// <summary>A built sw.js read back: its version and its [url, revision] list, as the worker sees them.</summary>
public sealed partial record ServiceWorkerFile(string Version, IReadOnlyDictionary<string, string> Revisions)
{
    public static ServiceWorkerFile Read(string siteFolder)
    {
        var script = File.ReadAllText(Path.Combine(siteFolder, "sw.js"));
        var version = VersionLine().Match(script);
        Assert.True(version.Success, "sw.js declares no VERSION");
        var revisions = EntryLine().Matches(script)
            .ToDictionary(m => Uri.UnescapeDataString(m.Groups["url"].Value), m => m.Groups["revision"].Value, StringComparer.Ordinal);
        Assert.NotEmpty(revisions);
        return new ServiceWorkerFile(version.Groups["version"].Value, revisions);
    }

    [GeneratedRegex("""^const VERSION = "(?<version>[0-9a-f]{12})";$""", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    [GeneratedRegex("""^  \["(?<url>[^"]+)", "(?<revision>[0-9a-f]{12})"\],$""", RegexOptions.Multiline)]
    private static partial Regex EntryLine();
}
